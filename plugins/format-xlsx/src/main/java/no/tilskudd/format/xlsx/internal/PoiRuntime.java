package no.tilskudd.format.xlsx.internal;

import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbookFactory;

/**
 * Prepares the POI copy inside this plugin before it is used.
 *
 * <p>POI finds its workbook factories with {@link java.util.ServiceLoader}, which sees nothing in a framework (and the
 * {@code META-INF/services} files of the inlined jars are left out on purpose, since poi and poi-ooxml ship files of
 * the same name). The factory is therefore registered by hand, as POI's own OSGi bundle does in its activator; this
 * plugin has no activator, so it happens once, the first time any of its services is used.
 *
 * <p>XMLBeans falls back to the thread's context class loader for some look-ups; in a framework that is not the
 * plugin's loader, so POI calls run with the context class loader set to this plugin's ({@link #call}).
 */
final class PoiRuntime {

    private static final Object LOCK = new Object();
    private static volatile boolean ready;

    private PoiRuntime() {
    }

    /** Registers POI's factories once. */
    static void init() {
        if (ready) {
            return;
        }
        synchronized (LOCK) {
            if (!ready) {
                // remove first: on a plain class path ServiceLoader may already have found the same factory
                WorkbookFactory.removeProvider(XSSFWorkbookFactory.class);
                WorkbookFactory.addProvider(new XSSFWorkbookFactory());
                ready = true;
            }
        }
    }

    /** Work that uses POI and may throw an exception of a given kind. */
    @FunctionalInterface
    interface PoiWork<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs POI work with this plugin's class loader as the context class loader.
     *
     * @param work the work
     * @return its result
     * @throws E what the work throws
     */
    static <T, E extends Exception> T call(PoiWork<T, E> work) throws E {
        init();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(PoiRuntime.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

}
