package no.tilskudd.launch.internal;

import org.apache.felix.framework.Logger;

/** Felix's own logger, writing to the launcher's log file; loaded only when Felix is the framework. */
final class FelixLog extends Logger {

    private final FileLogger log;

    FelixLog(FileLogger log) {
        this.log = log;
        setLogLevel(LOG_WARNING);
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        log.write(level, msg, throwable);
    }
}
