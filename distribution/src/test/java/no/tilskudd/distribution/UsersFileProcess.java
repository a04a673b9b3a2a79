package no.tilskudd.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tilskudd.api.host.Role;
import no.tilskudd.host.internal.users.UserStore;

/**
 * A second JVM that changes {@code data/users.json} with the host bundle's own UserStore, as {@code tilskudd users}
 * run in another terminal does when it does not go through the host. It opens nothing else (no store, no
 * framework), so a test of what the running host makes of the change depends on nothing but the file.
 */
final class UsersFileProcess {

    private UsersFileProcess() {
    }

    /**
     * @param args the data folder, then {@code passwd NAME} or {@code role NAME ROLE}
     */
    public static void main(String[] args) throws IOException {
        UserStore users = new UserStore(Path.of(args[0]));
        switch (args[1]) {
            case "passwd" -> System.out.println("new password (shown once): " + users.resetPassword(args[2]));
            case "role" -> users.setRole(args[2], Role.parse(args[3]));
            default -> throw new IllegalArgumentException("passwd NAME | role NAME ROLE, not " + args[1]);
        }
    }

    /** Runs it in its own JVM on this test's class path. */
    static WebHost.Result run(Path data, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UsersFileProcess.class.getName(), data.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the second process did not end within 60 s");
        }
        return new WebHost.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), "");
    }
}
