package no.tilskudd.web.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilskudd.api.host.Role;
import no.tilskudd.web.internal.oidc.OidcRefused.Reason;

/**
 * From the claims of a validated ID token to a user of this host: a name derived from the subject, a role, and for a
 * reporter the org-unit codes of the configured claim. Whether the codes are in the register is the user service's
 * check, at the same moment it stores them.
 */
public final class ClaimMapping {

    /** User names of those who sign in through the provider start with this, so a local name is never one of them. */
    public static final String PREFIX = "oidc-";
    private static final int MAX_NAME = 64;

    /**
     * A person as the claims describe them.
     *
     * @param userName    the user name here: {@code oidc-} and the subject, or a digest of it when it does not fit
     * @param displayName the person's name, for the audit trail (the subject when the claim is missing)
     * @param role        the role
     * @param orgUnits    a reporter's org-unit codes, each once, in code order; empty for the other roles
     */
    public record Person(String userName, String displayName, Role role, List<String> orgUnits) {

        /** Copies the codes. */
        public Person {
            orgUnits = List.copyOf(orgUnits);
        }
    }

    private final OidcSettings settings;

    /** @param settings the claims to read and the roles to give */
    public ClaimMapping(OidcSettings settings) {
        this.settings = settings;
    }

    /**
     * Maps the claims.
     *
     * @param claims the ID token's claims, as the JSON parser gave them (strings, numbers, lists)
     * @return the person
     * @throws OidcRefused without a subject, or a reporter without org units
     */
    public Person map(Map<String, Object> claims) throws OidcRefused {
        Object sub = claims.get("sub");
        if (!(sub instanceof String s) || s.isBlank()) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the ID token has no subject (sub)");
        }
        Role role = role(claims);
        List<String> units = List.of();
        if (role.hasOrgUnits()) {
            units = codes(claims.get(settings.orgUnitsClaim()));
            if (units.isEmpty()) {
                throw new OidcRefused(Reason.NO_ORG_UNITS, "the claim '" + settings.orgUnitsClaim()
                        + "' names no org unit for subject " + s);
            }
        }
        String display = claims.get(settings.nameClaim()) instanceof String n && !n.isBlank() ? n.strip() : s;
        return new Person(userName(s), display, role, units);
    }

    /** {@code oidc-} and the subject when it is a valid user name as it is; else a digest that is one. */
    static String userName(String subject) {
        String name = PREFIX + subject;
        if (name.length() <= MAX_NAME && subject.matches("[A-Za-z0-9._-]+")) {
            return name;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Role role(Map<String, Object> claims) {
        Optional<String> claim = settings.roleClaim();
        if (claim.isEmpty()) {
            return settings.role();
        }
        // Of the values the map names, the one with the most rights; a value not in the map gives nothing.
        Role best = null;
        for (String v : values(claims.get(claim.get()))) {
            Role r = settings.roleMap().get(v);
            if (r != null && (best == null || rank(r) > rank(best))) {
                best = r;
            }
        }
        return best == null ? settings.role() : best;
    }

    private static int rank(Role r) {
        return switch (r) {
            case REPORTER -> 0;
            case ANALYST -> 1;
            case ADMIN -> 2;
        };
    }

    /** The codes of a claim: a list of strings (or numbers), or one string separated by commas or spaces. */
    static List<String> codes(Object claim) {
        return List.copyOf(new TreeSet<>(values(claim)));
    }

    private static List<String> values(Object claim) {
        TreeSet<String> out = new TreeSet<>();
        if (claim instanceof String s) {
            for (String c : s.split("[,\\s]+")) {
                if (!c.isEmpty()) {
                    out.add(c);
                }
            }
        } else if (claim instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String || o instanceof Number) {
                    String c = o.toString().strip();
                    if (!c.isEmpty()) {
                        out.add(c);
                    }
                }
            }
        } else if (claim instanceof Number n) {
            out.add(n.toString());
        }
        return List.copyOf(out);
    }
}
