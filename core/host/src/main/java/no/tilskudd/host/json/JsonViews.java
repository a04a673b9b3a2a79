package no.tilskudd.host.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.host.BundleStatus;
import no.tilskudd.api.host.Deployment;
import no.tilskudd.api.host.DryRun;
import no.tilskudd.api.host.HostStatus;
import no.tilskudd.api.host.PluginJar;
import no.tilskudd.api.host.Undeployment;
import no.tilskudd.api.host.User;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.service.EditionComparison;
import no.tilskudd.api.service.PublicationEdition;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.SchemeExtension;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.StoredGrant;

/**
 * The JSON documents of the resources that {@code tilskudd ... --json} and the HTTP API both show (documented in
 * docs/http-api.md). Each view is a tree of maps, lists and plain values in a fixed key order, which Jackson writes
 * as it is; absent values are {@code null}. Texts are given in the language asked for.
 */
public final class JsonViews {

    private JsonViews() {
    }

    /**
     * {@code tilskudd schemes --json}, {@code GET /api/schemes}.
     *
     * @param schemes  the installed schemes
     * @param problems schemes that could not be read
     * @param locale   the language of texts
     * @return {@code {"schemes": [...], "problems": [...]}}; each scheme has (since 1.3) {@code "kind"}
     *         ({@code report} or {@code questionnaire}) and, for a questionnaire, {@code "respondents":
     *         {"grantSchemes", "years", "respondent"}}
     */
    public static Map<String, Object> schemes(List<Scheme> schemes, List<String> problems, Locale locale) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Scheme s : schemes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name().in(locale));
            m.put("agency", s.agency().in(locale));
            m.put("budgetLine", s.budgetLine());
            m.put("firstYear", s.firstYear());
            List<Map<String, Object>> forms = new ArrayList<>();
            for (FormDefinition f : s.forms()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("version", f.version());
                fm.put("firstYear", f.firstYear());
                fm.put("lastYear", f.lastYear());
                fm.put("title", f.title().in(locale));
                forms.add(fm);
            }
            m.put("forms", forms);
            m.put("formVersions", s.formVersions());
            m.put("bundle", s.origin().name());
            m.put("bundleVersion", s.origin().version());
            m.put("demoData", s.demoData().isPresent());
            // Since 1.3: whether it is a questionnaire, and then to whom it is addressed.
            m.put("kind", s.questionnaire().isPresent() ? "questionnaire" : "report");
            s.questionnaire().ifPresent(q -> m.put("respondents", questionnaire(q)));
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemes", list);
        root.put("problems", problems);
        return root;
    }

    /**
     * {@code tilskudd indicators --json}, {@code GET /api/indicators}.
     *
     * @param selection what was selected
     * @param results   the computed tables
     * @param locale    the language of texts
     * @return {@code {"scheme", "schemes": [...], "years": [from, to], "submissions", "indicators": [...],
     *         "failures": [...]}}; {@code "scheme"} is the first of {@code "schemes"}, kept for clients that select
     *         one scheme
     */
    public static Map<String, Object> indicators(Selection selection, IndicatorService.Results results,
            Locale locale) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Table t : results.tables()) {
            list.add(indicatorTable(t, locale));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scheme", selection.schemeId());
        root.put("schemes", selection.schemeIds());
        root.put("years", List.of(selection.fromYear(), selection.toYear()));
        root.put("submissions", results.submissions());
        root.put("indicators", list);
        root.put("failures", results.failures());
        return root;
    }

    /**
     * One indicator table: the one place a table becomes JSON.
     *
     * @param t      the table
     * @param locale the language of texts
     * @return {@code {"id", "title", "n", "nCounted", "columns", "columnIds", "columnKinds", "rows", "totalRows", "rowKinds",
     *         "chart", "notes"}}
     */
    public static Map<String, Object> indicatorTable(Table t, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("title", t.title().in(locale));
        m.put("n", t.n().map(Table.Count::value).orElse(null));
        m.put("nCounted", t.n().flatMap(Table.Count::counted).map(c -> c.in(locale)).orElse(null));
        m.put("columns", t.columns().stream().map(c -> c.label().in(locale)).toList());
        m.put("columnIds", t.columns().stream().map(Table.Column::id).toList());
        m.put("columnKinds", t.columns().stream().map(c -> c.kind().name().toLowerCase(Locale.ROOT)).toList());
        m.put("rows", t.rows().stream().map(row -> row.cellsIn(locale)).toList());
        m.put("totalRows", new TreeSet<>(t.rowsOf(Table.RowKind.TOTAL)));
        // JSON keys are text: rows whose numbers are counts under a table of another kind, by row index.
        Map<String, String> rowKinds = new TreeMap<>();
        t.rowsOf(Table.RowKind.COUNT).forEach(row -> rowKinds.put(String.valueOf(row), "count"));
        m.put("rowKinds", rowKinds);
        m.put("chart", t.chart().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(null));
        m.put("notes", t.notes().stream().map(n -> n.text().in(locale)).toList());
        return m;
    }

    /**
     * {@code tilskudd org-units --json}, {@code GET /api/org-units}.
     *
     * @param regions  the register's regions
     * @param orgUnits the org units selected
     * @return {@code {"regions": [...], "orgUnits": [...]}}
     */
    public static Map<String, Object> orgUnits(List<String> regions, List<OrgUnit> orgUnits) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (OrgUnit u : orgUnits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.code());
            m.put("name", u.name());
            m.put("county", u.county());
            m.put("region", u.region());
            m.put("validFrom", u.validFrom().orElse(null));
            m.put("validTo", u.validTo().orElse(null));
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("regions", regions);
        root.put("orgUnits", list);
        return root;
    }

    /**
     * {@code tilskudd status --json}, {@code GET /api/status} and {@code GET /api/bundles}; also the file a
     * serving host publishes.
     *
     * @param s the status
     * @return the document
     */
    public static Map<String, Object> status(HostStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", s.pid());
        m.put("serving", s.serving());
        m.put("time", s.time().toString());
        m.put("startMillis", s.startMillis());
        m.put("deploy", s.deploy());
        List<Map<String, Object>> bundles = new ArrayList<>();
        for (BundleStatus b : s.bundles()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("id", b.id());
            bm.put("symbolicName", b.symbolicName());
            bm.put("version", b.version());
            bm.put("state", b.state());
            bm.put("location", b.location());
            bm.put("deployed", b.deployed());
            b.failure().ifPresent(f -> bm.put("failure", f));
            bundles.add(bm);
        }
        m.put("bundles", bundles);
        m.put("schemes", s.schemes());
        m.put("schemeProblems", s.schemeProblems());
        m.put("failures", s.failures());
        m.put("quarantined", s.quarantined());
        m.put("invalidReports", s.invalidReports());
        m.put("healthy", s.healthy());
        return m;
    }

    /**
     * {@code tilskudd schemes owners --json}.
     *
     * @param owners the bindings
     * @return {@code {"owners": [{"scheme", "symbolicName", "signer", "how", "actor", "since"}]}}
     * @since 1.2
     */
    public static Map<String, Object> schemeOwners(List<SchemeOwner> owners) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SchemeOwner o : owners) {
            list.add(schemeOwner(o));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("owners", list);
        return root;
    }

    /**
     * {@code tilskudd schemes extensions --json}: the approved extensions.
     *
     * @param extensions the approvals
     * @return {@code {"extensions": [{"scheme", "symbolicName", "actor", "approved"}]}}
     * @since 1.3
     */
    public static Map<String, Object> schemeExtensions(List<SchemeExtension> extensions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SchemeExtension x : extensions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", x.schemeId());
            m.put("symbolicName", x.symbolicName());
            m.put("actor", x.actor());
            m.put("approved", x.approved().toString());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("extensions", list);
        return root;
    }

    /**
     * One binding of a scheme id to its owner: {@code tilskudd schemes transfer --json}.
     *
     * @param o the binding
     * @return {@code {"scheme", "symbolicName", "signer", "how", "actor", "since"}}, the signer null where unsigned
     * @since 1.2
     */
    public static Map<String, Object> schemeOwner(SchemeOwner o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", o.schemeId());
        m.put("symbolicName", o.symbolicName());
        m.put("signer", o.signer().orElse(null));
        m.put("how", o.how().name());
        m.put("actor", o.actor());
        m.put("since", o.since().toString());
        return m;
    }

    /**
     * {@code tilskudd audit --json}, {@code GET /api/audit}.
     *
     * @param events the events, oldest first
     * @return {@code {"events": [{"sequence", "at", "actor", "action", "subject", "details"}]}}
     */
    public static Map<String, Object> audit(List<AuditEvent> events) {
        List<Map<String, Object>> list = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", e.sequence());
            m.put("at", e.at().toString());
            m.put("actor", e.entry().actor());
            m.put("action", e.entry().action());
            m.put("subject", e.entry().subject());
            m.put("details", e.entry().details());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("events", list);
        return root;
    }

    /**
     * {@code tilskudd grants list --json}, {@code GET /api/grants}.
     *
     * @param grants the grants, ordered by scheme, year and org unit
     * @return {@code {"grants": [{"scheme", "schemeName", "year", "orgUnit", "amount", "decisionDate", "caseNumber",
     *         "reportingDeadline", "source", "importedAt"}], "count"}}; the amount is a JSON number (NOK), dates are
     *         {@code YYYY-MM-DD}, a part the register does not give is {@code null}
     * @since 1.1
     */
    public static Map<String, Object> grants(List<StoredGrant> grants) {
        List<Map<String, Object>> list = new ArrayList<>(grants.size());
        for (StoredGrant sg : grants) {
            Grant g = sg.grant();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", g.schemeId());
            m.put("schemeName", g.schemeName().orElse(null));
            m.put("year", g.year());
            m.put("orgUnit", g.orgUnit());
            m.put("amount", g.amount());
            m.put("decisionDate", g.decisionDate().map(Object::toString).orElse(null));
            m.put("caseNumber", g.caseNumber().orElse(null));
            m.put("reportingDeadline", g.reportingDeadline().map(Object::toString).orElse(null));
            m.put("source", sg.source());
            m.put("importedAt", sg.importedAt().toString());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("grants", list);
        root.put("count", list.size());
        return root;
    }

    /**
     * {@code tilskudd responses --json}, {@code GET /api/responses}.
     *
     * @param r      the response rate
     * @param locale the language of the scheme's name
     * @return {@code {"scheme", "schemeName", "installed", "year", "expected", "reported", "missingCount", "rate",
     *         "missing": [{"code", "name"}], "reportedUnits": [...], "withoutGrant": [...]}}; {@code rate} is a whole
     *         percent, {@code null} when no unit had a grant. For a questionnaire (since 1.3) also
     *         {@code "questionnaire": {"grantSchemes", "years": [from, to], "respondent": "scheme-unit"|"unit"}},
     *         and each unit of a scheme-unit list has {@code "scheme"}, the scheme it answers for
     * @since 1.1
     */
    public static Map<String, Object> responses(ResponseRate r, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", r.schemeId());
        m.put("schemeName", r.schemeName().map(n -> n.in(locale)).orElse(null));
        m.put("installed", r.installed());
        m.put("year", r.year());
        m.put("expected", r.expected());
        m.put("reported", r.reported());
        m.put("missingCount", r.missing().size());
        m.put("rate", r.rate().orElse(null));
        m.put("missing", units(r.missing()));
        m.put("reportedUnits", units(r.reportedUnits()));
        m.put("withoutGrant", units(r.withoutGrant()));
        r.questionnaire().ifPresent(q -> m.put("questionnaire", questionnaire(q)));
        return m;
    }

    private static Map<String, Object> questionnaire(no.tilskudd.api.scheme.Questionnaire q) {
        Map<String, Object> qm = new LinkedHashMap<>();
        qm.put("grantSchemes", q.grantSchemes());
        qm.put("years", List.of(q.fromYear(), q.toYear()));
        qm.put("respondent", q.perSchemeUnit() ? "scheme-unit" : "unit");
        return qm;
    }

    private static List<Map<String, Object>> units(List<ResponseRate.Unit> units) {
        List<Map<String, Object>> list = new ArrayList<>(units.size());
        for (ResponseRate.Unit u : units) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.code());
            m.put("name", u.name());
            u.schemeId().ifPresent(s -> m.put("scheme", s));
            list.add(m);
        }
        return list;
    }

    /**
     * A plugin jar's identity.
     *
     * @param b the jar
     * @return {@code {"symbolicName", "version", "installedVersion"}}
     */
    public static Map<String, Object> bundle(PluginJar b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbolicName", b.symbolicName());
        m.put("version", b.version());
        m.put("installedVersion", b.installedVersion().orElse(null));
        return m;
    }

    /**
     * {@code tilskudd deploy --dry-run --json}, {@code POST /api/bundles?dryRun=true} (which adds {@code file}).
     *
     * @param d the dry run
     * @return the document
     */
    public static Map<String, Object> dryRun(DryRun d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bundle", bundle(d.bundle()));
        List<Map<String, Object>> schemes = new ArrayList<>();
        for (DryRun.SchemeCheck s : d.schemes()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("formVersions", s.formVersions());
            sm.put("installedFormVersions", s.installedFormVersions().orElse(null));
            sm.put("checked", s.checked());
            sm.put("becomeInvalid", s.becomeInvalid());
            schemes.add(sm);
        }
        out.put("schemes", schemes);
        out.put("checked", d.checked());
        out.put("becomeInvalid", d.becomeInvalid());
        out.put("alreadyInvalid", d.alreadyInvalid());
        List<Map<String, Object>> codes = new ArrayList<>();
        for (DryRun.NewError e : d.byCode()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.code());
            m.put("submissions", e.submissions());
            m.put("message", e.message());
            m.put("paths", e.paths());
            m.put("examples", e.examples());
            codes.add(m);
        }
        out.put("byCode", codes);
        out.put("problems", d.problems());
        List<Map<String, Object>> contributions = new ArrayList<>();
        for (DryRun.Contribution c : d.contributions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind());
            m.put("what", c.what());
            m.put("scheme", c.schemeId().orElse(null));
            m.put("standing", c.standing().name());
            m.put("applies", c.standing() != DryRun.Standing.UNAPPROVED_EXTENSION
                    && c.standing() != DryRun.Standing.NOT_DECLARED);
            contributions.add(m);
        }
        out.put("contributions", contributions);
        out.put("formChanges", d.formChanges());
        out.put("safe", d.safe());
        return out;
    }

    /**
     * A deployment: {@code POST /api/bundles}; {@code tilskudd deploy --json} puts it under {@code deploy}, beside
     * the dry run under {@code check}.
     *
     * @param d the deployment
     * @return {@code {"file", "bundle", "state", "failure"?}}
     */
    public static Map<String, Object> deployment(Deployment d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", d.file());
        out.put("bundle", bundle(d.bundle()));
        out.put("state", d.state());
        d.failure().ifPresent(f -> out.put("failure", f));
        return out;
    }

    /**
     * {@code tilskudd undeploy --json}, {@code DELETE /api/bundles/{symbolicName}}.
     *
     * @param u the removal
     * @return {@code {"file", "symbolicName", "state"}}
     */
    public static Map<String, Object> undeployment(Undeployment u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", u.file());
        out.put("symbolicName", u.symbolicName());
        out.put("state", u.state());
        return out;
    }

    /**
     * {@code tilskudd users list --json}.
     *
     * @param users the users
     * @return {@code {"users": [{"name", "role", "orgUnits", "created", "provider"?}]}} (a reporter's org-unit codes,
     *         empty for the other roles; {@code provider}, the OpenID Connect issuer, only for a user who signs in
     *         through one), never a password or its hash
     */
    public static Map<String, Object> users(List<User> users) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (User u : users) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.name());
            m.put("role", u.role().id());
            m.put("orgUnits", u.orgUnits());
            m.put("created", u.created());
            // Present only for a user without a password here, so that the JSON of local users is as it was.
            u.provider().ifPresent(p -> m.put("provider", p));
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("users", list);
        return root;
    }

    /**
     * {@code tilskudd publications --json}, {@code GET /api/publications}.
     *
     * @param publications the publications
     * @param locale       the language of texts
     * @return {@code {"publications": [{"id", "version", "title", "source", "revision", "addedBy", "added",
     *         "editions": [...], "problems": [...]}]}}
     * @since 1.3
     */
    public static Map<String, Object> publications(List<PublicationInfo> publications, Locale locale) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("publications", publications.stream().map(p -> publicationInfo(p, locale)).toList());
        return root;
    }

    /**
     * One publication as listed (without its figures).
     *
     * @param p      the publication
     * @param locale the language of texts
     * @return {@code {"id", "version", "title", "source", "revision", "addedBy", "added", "editions", "problems"}}
     * @since 1.3
     */
    public static Map<String, Object> publicationInfo(PublicationInfo p, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("title", p.title().in(locale));
        m.put("source", p.source());
        m.put("revision", p.revision().orElse(null));
        m.put("addedBy", p.addedBy().orElse(null));
        m.put("added", p.added().map(Object::toString).orElse(null));
        m.put("editions", p.editions().stream().map(JsonViews::edition).toList());
        m.put("problems", p.problems());
        return m;
    }

    /**
     * A frozen edition: {@code tilskudd publications freeze --json}.
     *
     * @param e the edition
     * @return {@code {"publication", "edition", "source", "cutOff", "submissions", "frozenBy", "frozen"}}
     * @since 1.3
     */
    public static Map<String, Object> edition(PublicationEdition e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publication", e.publicationId());
        m.put("edition", e.edition());
        m.put("source", e.source());
        m.put("cutOff", e.cutOff().toString());
        m.put("submissions", e.submissions());
        m.put("frozenBy", e.frozenBy());
        m.put("frozen", e.frozen().toString());
        return m;
    }

    /**
     * A publication with its figures: {@code tilskudd indicators --publication ID --json},
     * {@code GET /api/publications/ID}.
     *
     * @param id      the publication id
     * @param edition the edition shown, or null for the live figures
     * @param report  the assembled publication
     * @return {@code {"publication", "edition", "title", "language", "metadata", "sections": [{"heading", "blocks":
     *         [{"type": "paragraph", "text"} | {"type": "table", ...the indicator table...} | {"type": "chart", "id",
     *         "title", "chart", "unit", "categories", "series": [{"name", "values"}]} | {"type": "keyFigures",
     *         "figures": [{"label", "value", "kind"}]}]}], "tables": {id: table}}}
     * @since 1.3
     */
    public static Map<String, Object> publication(String id, String edition, Report report) {
        Locale locale = report.locale();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("publication", id);
        root.put("edition", edition);
        root.put("title", report.title());
        root.put("language", report.language());
        root.put("metadata", report.metadata());
        List<Map<String, Object>> sections = new ArrayList<>();
        Map<String, Object> tables = new LinkedHashMap<>();
        for (ReportSection s : report.sections()) {
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (ReportBlock b : s.blocks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (b instanceof ReportBlock.Paragraph p) {
                    m.put("type", "paragraph");
                    m.put("text", p.text());
                } else if (b instanceof Table t) {
                    m.put("type", "table");
                    Map<String, Object> view = indicatorTable(t, locale);
                    m.putAll(view);
                    tables.put(t.id(), view);
                } else if (b instanceof ReportBlock.Chart c) {
                    m.put("type", "chart");
                    m.put("id", c.id());
                    m.put("title", c.title());
                    m.put("chart", c.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    m.put("unit", c.valueKind().name().toLowerCase(Locale.ROOT));
                    m.put("categories", c.categories());
                    m.put("series", c.series().stream().map(x -> {
                        Map<String, Object> sm = new LinkedHashMap<>();
                        sm.put("name", x.name());
                        sm.put("values", x.values());
                        return sm;
                    }).toList());
                } else if (b instanceof ReportBlock.KeyFigures k) {
                    m.put("type", "keyFigures");
                    m.put("figures", k.figures().stream().map(f -> {
                        Map<String, Object> fm = new LinkedHashMap<>();
                        fm.put("label", f.label());
                        fm.put("value", f.value());
                        fm.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
                        return fm;
                    }).toList());
                }
                blocks.add(m);
            }
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("heading", s.title());
            sm.put("blocks", blocks);
            sections.add(sm);
        }
        root.put("sections", sections);
        root.put("tables", tables);
        return root;
    }

    /**
     * {@code tilskudd publications compare ID --edition E --json}.
     *
     * @param c the comparison
     * @return {@code {"publication", "edition", "cutOff", "unchanged", "figures": [{"table", "row", "column",
     *         "frozen", "live"}], "submissions": [{"change", "scheme", "year", "orgUnit", "frozen", "live",
     *         "source"}]}}
     * @since 1.3
     */
    public static Map<String, Object> comparison(EditionComparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("publication", c.publicationId());
        root.put("edition", c.edition());
        root.put("cutOff", c.cutOff().toString());
        root.put("unchanged", c.unchanged());
        root.put("figures", c.figures().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", f.table());
            m.put("row", f.row());
            m.put("column", f.column());
            m.put("frozen", f.frozen().orElse(null));
            m.put("live", f.live().orElse(null));
            return m;
        }).toList());
        root.put("submissions", c.submissions().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", x.change().name().toLowerCase(Locale.ROOT));
            m.put("scheme", x.schemeId());
            m.put("year", x.year());
            m.put("orgUnit", x.orgUnit());
            m.put("frozen", x.frozen().map(Object::toString).orElse(null));
            m.put("live", x.live().map(Object::toString).orElse(null));
            m.put("source", x.source().orElse(null));
            return m;
        }).toList());
        return root;
    }
}
