package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd schemes owners [--json]}: which bundle owns each scheme id; {@code tilskudd schemes transfer ID --to
 * SYMBOLIC-NAME}: give an id to another bundle (audited). The host, when one runs, makes the change and uses it at
 * once; otherwise the next start does.
 */
final class SchemeOwnerCommands {

    private SchemeOwnerCommands() {
    }

    static int owners(SchemeOwnership ownership, List<String> argv, PrintStream out, ObjectMapper json)
            throws IOException {
        Args a = Args.parse(argv, Set.of(), Set.of("--json"));
        if (a.positional().size() != 1) {
            throw new Args.UsageException("schemes owners takes no arguments, only --json");
        }
        List<SchemeOwner> owners = ownership.owners();
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.schemeOwners(owners)));
            return CommandLine.OK;
        }
        for (SchemeOwner o : owners) {
            out.printf("%-14s %-40s %s by %s %s%n", o.schemeId(), o.owner(), o.how().name().toLowerCase(
                    java.util.Locale.ROOT), o.actor(), o.since());
        }
        return CommandLine.OK;
    }

    static int transfer(SchemeOwnership ownership, List<String> argv, String actor, PrintStream out,
            ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--to"), Set.of("--json"));
        if (a.positional().size() != 2 || a.option("--to").isEmpty()) {
            throw new Args.UsageException("usage: tilskudd schemes transfer SCHEME-ID --to BUNDLE-SYMBOLIC-NAME");
        }
        SchemeOwner o = ownership.transfer(a.positional().get(1), a.option("--to").get(), actor);
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.schemeOwner(o)));
        } else {
            out.println("scheme " + o.schemeId() + " now belongs to " + o.owner() + "; its scheme of that id is "
                    + "used from now on, every other bundle's is refused");
        }
        return CommandLine.OK;
    }
}
