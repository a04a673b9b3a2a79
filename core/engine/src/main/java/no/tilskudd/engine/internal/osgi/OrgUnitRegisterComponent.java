package no.tilskudd.engine.internal.osgi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The org-unit register: {@code <tilskudd.data>/org-units.csv} when an administrator has imported one, else the
 * register shipped with the engine. {@code tilskudd.data} is a framework property, or the same key in the
 * configuration {@code no.tilskudd} (Apache Karaf: {@code etc/no.tilskudd.cfg}), which then wins, as for the store.
 */
@Component(service = OrgUnitRegister.class, configurationPid = "no.tilskudd")
public final class OrgUnitRegisterComponent implements OrgUnitRegister {

    /** The file name an imported register is kept under in the data directory. */
    public static final String FILE = "org-units.csv";

    private volatile OrgUnitRegister delegate;
    private Path file;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) throws IOException {
        modified(context, config);
    }

    /** A changed configuration takes effect without a restart of the register and the services that use it. */
    @Modified
    synchronized void modified(BundleContext context, Map<String, Object> config) throws IOException {
        String data = Optional.ofNullable(config.get("tilskudd.data")).map(Object::toString)
                .or(() -> Optional.ofNullable(context.getProperty("tilskudd.data"))).orElse("data");
        file = Path.of(data, FILE);
        delegate = CsvOrgUnitRegister.fromFileOrDefaults(file);
    }

    @Override
    public synchronized int replace(String name, InputStream csv) throws IOException {
        byte[] content = csv.readAllBytes();
        List<OrgUnit> units = CsvOrgUnitRegister.parse(name, new ByteArrayInputStream(content));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        delegate = CsvOrgUnitRegister.fromFileOrDefaults(file);
        return units.size();
    }

    @Override
    public Optional<OrgUnit> find(String code, int year) {
        return delegate.find(code, year);
    }

    @Override
    public List<OrgUnit> all() {
        return delegate.all();
    }

    @Override
    public List<String> regions() {
        return delegate.regions();
    }
}
