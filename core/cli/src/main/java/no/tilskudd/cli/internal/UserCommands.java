package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd users [list | add NAME --role R [--org-unit C,...] | passwd NAME | role NAME --role R
 * [--org-unit C,...] | remove NAME]}: the console's users, through the {@link UserService}, so that it works whether
 * or not the web console is installed. A serving host sees a change at its next request and ends the sessions of a
 * user whose password, role or org units changed. The service checks a reporter's org units against the register.
 */
final class UserCommands {

    static final String ROLE = "--role admin|analyst|reporter [--org-unit CODE[,CODE...]]";
    static final String USAGE = "users list | add NAME " + ROLE + " | passwd NAME | role NAME " + ROLE
            + " | remove NAME (a reporter needs --org-unit)";

    private UserCommands() {
    }

    static int run(UserService users, List<String> argv, PrintStream out, ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--role", "--org-unit"), Set.of("--json"));
        String sub = a.positional().isEmpty() ? "list" : a.positional().get(0);
        String actor = TilskuddCommandLine.actor();
        switch (sub) {
            case "list" -> {
                if (a.positional().size() > 1) {
                    throw new Args.UsageException(USAGE);
                }
                List<User> list = users.list();
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.users(list)));
                    return CommandLine.OK;
                }
                for (User u : list) {
                    out.printf("%-24s %-8s created %s%s%s%n", u.name(), u.role().id(), u.created(),
                            u.orgUnits().isEmpty() ? "" : "  org units " + String.join(",", u.orgUnits()),
                            u.provider().map(p -> "  signs in via OIDC " + p).orElse(""));
                }
                if (list.isEmpty()) {
                    out.println("no users yet; 'tilskudd serve' creates an administrator on its first start");
                }
            }
            case "add" -> {
                String name = oneName(a, "users add NAME " + ROLE);
                Role role = role(a, Optional.empty());
                List<String> units = orgUnits(a);
                NewPassword p = users.add(name, role, units, actor);
                out.println("user '" + name + "' (" + role.id() + forUnits(units) + ") added; password (shown once): "
                        + p.password());
            }
            case "passwd" -> {
                String name = oneName(a, "users passwd NAME");
                NewPassword p = users.resetPassword(name, actor);
                out.println("new password for '" + name + "' (shown once): " + p.password());
                out.println("the sessions signed in as '" + name + "' have ended");
            }
            case "role" -> {
                // The role as an option (like 'add') or after the name: 'users role rita reporter --org-unit 1804'.
                if (a.positional().size() != 2 && a.positional().size() != 3) {
                    throw new Args.UsageException("users role NAME " + ROLE);
                }
                String name = a.positional().get(1);
                Role role = role(a, a.positional().size() == 3 ? Optional.of(a.positional().get(2))
                        : Optional.empty());
                List<String> units = orgUnits(a);
                users.setRole(name, role, units, actor);
                out.println("user '" + name + "' is now " + role.id() + forUnits(units) + "; the sessions signed in "
                        + "as '" + name + "' have ended");
            }
            case "remove" -> {
                String name = oneName(a, "users remove NAME");
                users.remove(name, actor);
                out.println("user '" + name + "' removed; the sessions signed in as '" + name + "' have ended");
            }
            default -> throw new Args.UsageException(USAGE);
        }
        return CommandLine.OK;
    }

    private static Role role(Args a, Optional<String> positional) {
        if (positional.isPresent() && a.option("--role").isPresent()
                && !positional.get().equals(a.option("--role").get())) {
            throw new Args.UsageException("two roles given: '" + positional.get() + "' and --role "
                    + a.option("--role").get());
        }
        String id = positional.or(() -> a.option("--role")).orElseThrow(() -> new Args.UsageException(
                "--role is required (" + Role.ids() + ")"));
        try {
            return Role.parse(id);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    /** {@code --org-unit 1804,0301}: the codes as given; the user service checks them against the register. */
    private static List<String> orgUnits(Args a) {
        return a.option("--org-unit").map(v -> List.of(v.split(",", -1))).orElse(List.of());
    }

    private static String forUnits(List<String> units) {
        return units.isEmpty() ? "" : " for " + String.join(",", units);
    }

    private static String oneName(Args a, String usage) {
        if (a.positional().size() != 2) {
            throw new Args.UsageException(usage);
        }
        return a.positional().get(1);
    }
}
