package no.tilskudd.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.host.BundleStatus;
import no.tilskudd.api.host.DeployRequest;
import no.tilskudd.api.host.Deployment;
import no.tilskudd.api.host.DryRun;
import no.tilskudd.api.host.HostStatus;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.PluginJar;
import no.tilskudd.api.host.PluginRefusedException;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.api.host.Undeployment;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;
import no.tilskudd.launch.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's commands (status, deploy, undeploy, users) with fakes of their services: what they parse, what they ask
 * the service for, what they print, and their exit codes.
 */
class HostCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cwd;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private boolean serving = true;
    private HostStatus hostStatus = status(List.of());
    private final List<DeployRequest> deployRequests = new ArrayList<>();
    private final List<String> undeployed = new ArrayList<>();
    private DryRun check = dryRun(0, List.of());
    private final Map<String, Role> users = new LinkedHashMap<>();
    private final List<String> userCalls = new ArrayList<>();
    private final Map<String, List<String>> userUnits = new LinkedHashMap<>();

    private static HostStatus status(List<String> failures) {
        return new HostStatus(42, true, Instant.parse("2026-12-01T12:00:00Z"), 900, "/srv/tilskudd/deploy",
                List.of(new BundleStatus(0, "org.apache.felix.framework", "7.0.5", "ACTIVE", "System Bundle", false,
                        Optional.empty()), new BundleStatus(7, "no.example", "1.0.0", "INSTALLED", "example.jar", true,
                                Optional.of("missing requirement"))),
                List.of("example [2016] from no.example 1.0.0"), List.of(), failures, List.of());
    }

    private static DryRun dryRun(long becomeInvalid, List<String> problems) {
        return new DryRun(new PluginJar("no.example", "2.0.0", Optional.of("1.0.0")), List.of(new DryRun.SchemeCheck(
                "example", List.of("2016"), Optional.of(List.of("2016")), 3, becomeInvalid)), 3, becomeInvalid, 0,
                becomeInvalid == 0 ? List.of() : List.of(new DryRun.NewError("FIELD_REQUIRED", (int) becomeInvalid,
                        "required", List.of("budget"), List.of("2016 0301"))), problems);
    }

    private final Host host = new Host() {
        @Override
        public Path home() {
            return cwd;
        }

        @Override
        public Path data() {
            return cwd.resolve("data");
        }

        @Override
        public Path deploy() {
            return cwd.resolve("deploy");
        }

        @Override
        public boolean serving() {
            return serving;
        }

        @Override
        public Map<String, String> deployFailures() {
            return Map.of();
        }

        @Override
        public long startMillis() {
            return 900;
        }
    };

    private final StatusService statusService = new StatusService() {
        @Override
        public HostStatus status() {
            return hostStatus;
        }

        @Override
        public void publish() {
            throw new AssertionError("only serve publishes");
        }
    };

    private final List<java.util.Set<String>> dryRunAllowed = new ArrayList<>();

    private final PluginService plugins = new PluginService() {
        @Override
        public PluginJar inspect(Path jar) {
            return check.bundle();
        }

        @Override
        public DryRun dryRun(Path jar, Locale locale) {
            return check;
        }

        @Override
        public DryRun dryRun(Path jar, Locale locale, java.util.Set<String> allowExtensions) {
            dryRunAllowed.add(allowExtensions);
            return check;
        }

        @Override
        public Deployment deploy(Path jar, DeployRequest request) throws PluginRefusedException {
            deployRequests.add(request);
            if (request.dryRunFirst() && !check.safe() && !request.force()) {
                throw new PluginRefusedException(PluginRefusedException.NOT_SAFE, "not deployed: the dry run found "
                        + "problems; deploy with --force to deploy anyway", check);
            }
            return new Deployment("no.example.jar", check.bundle(), "ACTIVE", Optional.empty(),
                    Optional.of(check));
        }

        @Override
        public Undeployment undeploy(String symbolicName, String actor) throws PluginRefusedException {
            if (!symbolicName.equals("no.example")) {
                throw new PluginRefusedException(PluginRefusedException.NOT_FOUND, "no plugin " + symbolicName
                        + " in deploy/");
            }
            undeployed.add(symbolicName + " by " + actor);
            return new Undeployment("no.example.jar", symbolicName, "UNINSTALLED");
        }

        @Override
        public Optional<String> bundleOfScheme(String schemeId) {
            return schemeId.equals("example") ? Optional.of("no.example") : Optional.empty();
        }
    };

    private final UserService userService = new UserService() {
        @Override
        public List<User> list() {
            return users.entrySet().stream().map(e -> new User(e.getKey(), e.getValue(), "2026-12-01T12:00:00Z",
                    "secret-stamp", userUnits.getOrDefault(e.getKey(), List.of()))).toList();
        }

        @Override
        public Optional<User> find(String name) {
            return list().stream().filter(u -> u.name().equals(name)).findFirst();
        }

        @Override
        public Optional<User> authenticate(String name, String password) {
            return Optional.empty();
        }

        @Override
        public NewPassword add(String name, Role role, List<String> orgUnits, String actor) {
            checkUnits(orgUnits);
            userCalls.add("add " + name + " " + role.id() + (orgUnits.isEmpty() ? "" : " " + orgUnits) + " by "
                    + actor);
            users.put(name, role);
            userUnits.put(name, orgUnits);
            return new NewPassword(name, "generated-password");
        }

        /** As the host's service answers a code the register does not have. */
        private void checkUnits(List<String> orgUnits) {
            orgUnits.stream().filter(c -> !c.equals("0301") && !c.equals("1804")).findFirst().ifPresent(c -> {
                throw new IllegalArgumentException("unknown org unit '" + c + "': not in the org-unit register");
            });
        }

        @Override
        public User signInExternal(String name, String provider, Role role, List<String> orgUnits, String actor) {
            throw new UnsupportedOperationException("the command line never signs anyone in");
        }

        @Override
        public NewPassword resetPassword(String name, String actor) {
            userCalls.add("passwd " + name);
            return new NewPassword(name, "another-password");
        }

        @Override
        public void setRole(String name, Role role, List<String> orgUnits, String actor) {
            checkUnits(orgUnits);
            userCalls.add("role " + name + " " + role.id() + (orgUnits.isEmpty() ? "" : " " + orgUnits));
        }

        @Override
        public void remove(String name, String actor) {
            if (!users.containsKey(name)) {
                throw new IllegalArgumentException("no user '" + name + "'");
            }
            userCalls.add("remove " + name);
            users.remove(name);
        }

        @Override
        public Optional<NewPassword> createFirstAdmin(String actor) {
            return Optional.empty();
        }
    };

    private Run run(TilskuddCommandLine cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = cli.run(List.of(args), cwd, o, e);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private Run run(String... args) {
        return run(new TilskuddCommandLine(null, null, null, null, null, host, null, statusService, plugins,
                userService), args);
    }

    // ------------------------------------------------------------------------------------------ status

    @Test
    void statusShowsTheSharedDocumentAndExitsOneWhenTheHostIsNotHealthy() throws Exception {
        Run healthy = run("status", "--json");
        assertEquals(0, healthy.exit(), healthy.err());
        JsonNode j = healthy.json();
        assertTrue(j.get("healthy").asBoolean());
        assertEquals("2026-12-01T12:00:00Z", j.get("time").asText());
        assertEquals("missing requirement", j.get("bundles").get(1).get("failure").asText());
        assertFalse(j.get("bundles").get(0).has("failure"), "a bundle that works has no failure field");

        hostStatus = status(List.of("example.jar: missing requirement"));
        Run sick = run("status");
        assertEquals(1, sick.exit());
        assertTrue(sick.out().contains("running host, process 42"), sick.out());
        assertTrue(sick.out().contains("deploy/example.jar"), sick.out());
        assertTrue(sick.out().contains("FAILED example.jar: missing requirement"), sick.out());
        assertFalse(sick.out().contains("no failures"), sick.out());
    }

    @Test
    void statusTakesNoArguments() {
        Run r = run("status", "extra");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("tilskudd status: takes no arguments"), r.err());
        assertEquals(2, run("status", "--verbose").exit());
    }

    // ------------------------------------------------------------------------------------------ deploy, undeploy

    @Test
    void aDryRunPrintsTheCheckAndExitsOneWhenTheJarIsNotSafe() throws Exception {
        Path jar = Files.write(cwd.resolve("my-scheme.jar"), new byte[] {1});
        Run safe = run("deploy", "--dry-run", "my-scheme.jar");
        assertEquals(0, safe.exit(), safe.err());
        assertTrue(safe.out().contains("my-scheme.jar: no.example 2.0.0 (installed: 1.0.0)"), safe.out());
        assertTrue(safe.out().contains("scheme example: forms [2016] (installed: [2016]); 3 stored submission(s) "
                + "checked, 0 would become invalid"), safe.out());
        assertTrue(safe.out().endsWith("safe to deploy" + System.lineSeparator()), safe.out());

        check = dryRun(2, List.of());
        Run unsafe = run("deploy", "--dry-run", "--json", jar.toString());
        assertEquals(1, unsafe.exit());
        JsonNode j = unsafe.json();
        assertFalse(j.get("safe").asBoolean());
        assertEquals(2, j.get("becomeInvalid").asInt());
        assertEquals("FIELD_REQUIRED", j.get("byCode").get(0).get("code").asText());
        assertEquals("1.0.0", j.get("bundle").get("installedVersion").asText());
        assertTrue(deployRequests.isEmpty(), "a dry run deploys nothing");
    }

    @Test
    void deployAsksForTheDryRunFirstAndAnUnsafeJarNeedsForce() throws Exception {
        Files.write(cwd.resolve("my-scheme.jar"), new byte[] {1});
        check = dryRun(2, List.of());
        Run refused = run("deploy", "my-scheme.jar");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("NOT safe to deploy"), refused.err());
        assertTrue(refused.err().contains("not deployed: the dry run found problems; deploy with --force"),
                refused.err());
        assertEquals("", refused.out());

        Run forced = run("deploy", "--force", "--lang", "en", "my-scheme.jar");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("deployed my-scheme.jar as " + cwd.resolve("deploy/no.example.jar")),
                forced.out());
        assertTrue(forced.out().contains("state: ACTIVE"), forced.out());
        DeployRequest r = deployRequests.get(1);
        assertTrue(r.dryRunFirst() && r.force());
        assertEquals("my-scheme.jar", r.displayName());
        assertTrue(r.actor().startsWith("os:"), r.actor());
        assertEquals(Locale.ENGLISH.getLanguage(), r.locale().getLanguage());

        Run json = run("deploy", "--force", "--json", "my-scheme.jar");
        assertEquals("ACTIVE", json.json().get("deploy").get("state").asText());
        assertEquals(2, json.json().get("check").get("becomeInvalid").asInt());
        assertEquals(java.util.Set.of(), deployRequests.get(2).allowExtensions(), "no extension unless asked");
    }

    @Test
    void allowExtensionIsPassedToTheDryRunAndTheDeployment() throws Exception {
        Files.write(cwd.resolve("checks.jar"), new byte[] {1});
        assertEquals(0, run("deploy", "--dry-run", "--allow-extension", "avdir,bufdir", "checks.jar").exit());
        assertEquals(List.of(java.util.Set.of("avdir", "bufdir")), dryRunAllowed);
        assertEquals(0, run("deploy", "--allow-extension", "avdir", "checks.jar").exit());
        assertEquals(java.util.Set.of("avdir"), deployRequests.get(0).allowExtensions());
    }

    @Test
    void deployNamesOneExistingJar() throws Exception {
        assertEquals(2, run("deploy").exit());
        assertEquals(2, run("deploy", "a.jar", "b.jar").exit());
        assertEquals(2, run("deploy", "--dry-run", "--bogus", "a.jar").exit());
        Run missing = run("deploy", "nothing.jar");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("tilskudd deploy: nothing.jar: no such file"), missing.err());
        Files.createDirectory(cwd.resolve("folder.jar"));
        assertTrue(run("deploy", "folder.jar").err().contains("is a directory, not a plugin jar"));
        assertTrue(deployRequests.isEmpty());
    }

    @Test
    void undeployRemovesThePluginOfASchemeOrABundleByName() throws Exception {
        Run r = run("undeploy", "example");
        assertEquals(0, r.exit(), r.err());
        assertEquals("removed " + cwd.resolve("deploy/no.example.jar") + " (no.example): UNINSTALLED",
                r.out().strip());
        assertTrue(undeployed.get(0).startsWith("no.example by os:"), undeployed.toString());
        assertEquals("UNINSTALLED", run("undeploy", "--json", "no.example").json().get("state").asText());

        Run unknown = run("undeploy", "nobody");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("tilskudd undeploy: no plugin nobody in deploy/"), unknown.err());
        assertEquals(2, run("undeploy").exit());
    }

    // ------------------------------------------------------------------------------------------ users

    @Test
    void usersAddNeedsAKnownRoleAndShowsThePasswordOnce() throws Exception {
        assertEquals(2, run("users", "add", "kari").exit());
        Run badRole = run("users", "add", "kari", "--role", "root");
        assertEquals(2, badRole.exit());
        assertTrue(badRole.err().contains("unknown role 'root' (roles: admin, analyst, reporter)"), badRole.err());
        assertTrue(userCalls.isEmpty());

        Run added = run("users", "add", "kari", "--role", "analyst");
        assertEquals(0, added.exit(), added.err());
        assertEquals("user 'kari' (analyst) added; password (shown once): generated-password", added.out().strip());
        assertTrue(userCalls.get(0).startsWith("add kari analyst by os:"), userCalls.toString());

        Run list = run("users", "list", "--json");
        JsonNode u = list.json().get("users").get(0);
        assertEquals("kari", u.get("name").asText());
        assertEquals("analyst", u.get("role").asText());
        assertFalse(list.out().contains("secret-stamp"), "nothing of the credentials: " + list.out());
        assertTrue(run("users").out().startsWith("kari "), "list is the default");
    }

    @Test
    void aReporterIsAddedAndGivenOrgUnitsWhichTheListShows() throws Exception {
        Run added = run("users", "add", "rita", "--role", "reporter", "--org-unit", "1804,0301");
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().startsWith("user 'rita' (reporter for 1804,0301) added; password (shown once): "),
                added.out());
        assertEquals("add rita reporter [1804, 0301] by os:", userCalls.get(0).substring(0,
                userCalls.get(0).indexOf("os:") + 3));

        JsonNode rita = run("users", "list", "--json").json().get("users").get(0);
        assertEquals("reporter", rita.get("role").asText());
        assertEquals("[\"1804\",\"0301\"]", rita.get("orgUnits").toString());
        assertTrue(run("users", "list").out().contains("org units 1804,0301"));

        Run unknown = run("users", "add", "rolf", "--role", "reporter", "--org-unit", "0301,9999");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("tilskudd users: unknown org unit '9999'"), unknown.err());

        Run role = run("users", "role", "rita", "reporter", "--org-unit", "0301");
        assertEquals(0, role.exit(), role.err());
        assertTrue(role.out().contains("user 'rita' is now reporter for 0301; the sessions"), role.out());
        assertEquals(0, run("users", "role", "rita", "--role", "reporter", "--org-unit", "1804").exit());
        assertEquals(List.of("role rita reporter [0301]", "role rita reporter [1804]"),
                userCalls.subList(1, userCalls.size()));
        assertEquals(2, run("users", "role", "rita", "analyst", "--role", "admin").exit(), "two roles");
        assertEquals(2, run("users", "role", "rita").exit());
    }

    @Test
    void passwdRoleAndRemoveSayThatTheSessionsEnd() {
        users.put("kari", Role.ANALYST);
        assertTrue(run("users", "passwd", "kari").out().contains("new password for 'kari' (shown once): "
                + "another-password"));
        assertTrue(run("users", "role", "kari", "--role", "admin").out().contains("user 'kari' is now admin; the "
                + "sessions signed in as 'kari' have ended"));
        assertTrue(run("users", "remove", "kari").out().contains("user 'kari' removed"));
        assertEquals(List.of("passwd kari", "role kari admin", "remove kari"), userCalls);
        Run again = run("users", "remove", "kari");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("tilskudd users: no user 'kari'"), again.err());
        assertEquals(2, run("users", "rename", "kari").exit());
        assertEquals(2, run("users", "passwd").exit());
    }

    @Test
    void withoutTheServicesTheCommandsSayWhatIsMissing() {
        TilskuddCommandLine bare = new TilskuddCommandLine(null, null, null, null, null, host, null, statusService,
                null, null);
        Run users = run(bare, "users", "list");
        assertEquals(1, users.exit());
        assertTrue(users.err().contains("the user service is not active (it needs the submission store)"),
                users.err());
        assertTrue(run(bare, "undeploy", "example").err().contains("the plugin service is not active"));
        assertEquals(0, run(bare, "status").exit(), "status needs neither");
    }

    @Test
    void serveRunsOnlyAsTheHost() {
        serving = false;
        Run r = run("serve");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("serve runs only as the host itself"), r.err());
        assertEquals(2, run("serve", "--port").exit(), "--port needs a value");
    }
}
