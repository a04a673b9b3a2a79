package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.store.SchemeExtension;
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

    /** {@code tilskudd schemes extensions [--json]}: the approved extensions. */
    static int extensions(SchemeOwnership ownership, List<String> argv, PrintStream out, ObjectMapper json)
            throws IOException {
        Args a = Args.parse(argv, Set.of(), Set.of("--json"));
        if (a.positional().size() != 1) {
            throw new Args.UsageException("schemes extensions takes no arguments, only --json");
        }
        List<SchemeExtension> all = ownership.extensions();
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.schemeExtensions(all)));
            return CommandLine.OK;
        }
        if (all.isEmpty()) {
            out.println("no extensions are approved: a bundle's validators and indicators serve only its own schemes");
        }
        for (SchemeExtension x : all) {
            out.printf("%-14s %-40s approved by %s %s%n", x.schemeId(), x.symbolicName(), x.actor(), x.approved());
        }
        return CommandLine.OK;
    }

    /** {@code tilskudd schemes revoke-extension ID --from SYMBOLIC-NAME}: withdraw an approval (audited). */
    static int revoke(SchemeOwnership ownership, List<String> argv, String actor, PrintStream out) {
        Args a = Args.parse(argv, Set.of("--from"), Set.of());
        if (a.positional().size() != 2 || a.option("--from").isEmpty()) {
            throw new Args.UsageException("usage: tilskudd schemes revoke-extension SCHEME-ID --from "
                    + "BUNDLE-SYMBOLIC-NAME");
        }
        String scheme = a.positional().get(1);
        String bsn = a.option("--from").get();
        if (!ownership.revokeExtension(scheme, bsn, actor)) {
            throw new IllegalArgumentException(bsn + " has no approved extension of scheme '" + scheme + "'");
        }
        out.println("the extension of scheme " + scheme + " by " + bsn + " is withdrawn: its validators and "
                + "indicators for " + scheme + " no longer apply");
        return CommandLine.OK;
    }
}
