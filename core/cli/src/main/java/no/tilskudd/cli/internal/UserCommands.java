package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd users [list | add NAME --role R | passwd NAME | role NAME --role R | remove NAME]}: the console's
 * users, through the {@link UserService}, so that it works whether or not the web console is installed. A serving
 * host sees a change at its next request and ends the sessions of a user whose password or role changed.
 */
final class UserCommands {

    static final String USAGE = "users list | add NAME --role admin|analyst | passwd NAME | "
            + "role NAME --role admin|analyst | remove NAME";

    private UserCommands() {
    }

    static int run(UserService users, List<String> argv, PrintStream out, ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--role"), Set.of("--json"));
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
                    out.printf("%-24s %-8s created %s%n", u.name(), u.role().id(), u.created());
                }
                if (list.isEmpty()) {
                    out.println("no users yet; 'tilskudd serve' creates an administrator on its first start");
                }
            }
            case "add" -> {
                String name = oneName(a, "users add NAME --role admin|analyst");
                NewPassword p = users.add(name, role(a), actor);
                out.println("user '" + name + "' (" + role(a).id() + ") added; password (shown once): "
                        + p.password());
            }
            case "passwd" -> {
                String name = oneName(a, "users passwd NAME");
                NewPassword p = users.resetPassword(name, actor);
                out.println("new password for '" + name + "' (shown once): " + p.password());
                out.println("the sessions signed in as '" + name + "' have ended");
            }
            case "role" -> {
                String name = oneName(a, "users role NAME --role admin|analyst");
                Role role = role(a);
                users.setRole(name, role, actor);
                out.println("user '" + name + "' is now " + role.id() + "; the sessions signed in as '" + name
                        + "' have ended");
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

    private static Role role(Args a) {
        String id = a.option("--role").orElseThrow(() -> new Args.UsageException("--role is required ("
                + Role.ids() + ")"));
        try {
            return Role.parse(id);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    private static String oneName(Args a, String usage) {
        if (a.positional().size() != 2) {
            throw new Args.UsageException(usage);
        }
        return a.positional().get(1);
    }
}
