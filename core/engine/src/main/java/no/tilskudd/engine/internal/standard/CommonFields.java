package no.tilskudd.engine.internal.standard;

import java.util.List;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.LocalizedText;

/**
 * The field ids and code lists that the AVdir, Bufdir and urban-youth forms share, so that indicators line the
 * schemes and years up by the same ids. The labels here are the ones tables print (the seed evaluation's wording);
 * the forms carry their own question texts.
 */
public final class CommonFields {

    /** Grant awarded (amount). */
    public static final String GRANT_AMOUNT = "grantAmount";
    /** Own funding (amount), on the forms that have it. */
    public static final String OWN_FUNDING = "ownFunding";
    /** Whether all goals were reached (choice {@link #GOALS_REACHED_CHOICES}). */
    public static final String GOALS_REACHED = "goalsReached";
    /** How the unit relates to the national goals (choice {@link #NATIONAL_GOALS_CHOICES}). */
    public static final String NATIONAL_GOALS = "nationalGoals";
    /** Whether the measures go on if the grant stops (choice {@link #CONTINUATION_CHOICES}). */
    public static final String CONTINUATION = "continuation";
    /** Cooperation partners (multi-choice {@link #PARTNER_CHOICES}). */
    public static final String PARTNERS = "partners";
    /** The measures (repeating group). */
    public static final String MEASURES = "measures";
    /** Row field: the measure's category (choice {@link #CATEGORY_CHOICES}). */
    public static final String CATEGORY = "category";
    /** Row field: open to all (true) or aimed at individual children and families (false). */
    public static final String OPEN_TO_ALL = "openToAll";
    /** Row field: children and young people who took part (integer). */
    public static final String PARTICIPANTS_CHILDREN = "participantsChildren";
    /** Row field: families who took part (integer). */
    public static final String PARTICIPANTS_FAMILIES = "participantsFamilies";
    /** Row field: funds spent on the measure (amount). */
    public static final String BUDGET = "budget";

    /** The answers to {@link #GOALS_REACHED}, labelled as in table 8.2 of the evaluation. */
    public static final List<Choice> GOALS_REACHED_CHOICES = List.of(
            choice("all", "Nådde alle sine målsettinger", "Reached all their goals"),
            choice("notAll", "Nådde ikke alle målsettinger", "Did not reach all goals"));

    /** The answers to {@link #NATIONAL_GOALS}, labelled as in table 8.1 of the evaluation. */
    public static final List<Choice> NATIONAL_GOALS_CHOICES = List.of(
            choice("large", "I stor/noen grad", "To a large or some extent"),
            choice("small", "I liten grad", "To a small extent"),
            choice("unsure", "Ikke sikker", "Not sure"));

    /** The answers to {@link #CONTINUATION}, labelled as in the evaluation's chart. */
    public static final List<Choice> CONTINUATION_CHOICES = List.of(
            choice("yes", "Tiltakene skal videreføres", "The measures will be continued"),
            choice("no", "Tiltakene skal ikke videreføres", "The measures will not be continued"),
            choice("unsure", "Usikker på videreføring", "Unsure about continuation"));

    /** The cooperation partners a form offers. */
    public static final List<Choice> PARTNER_CHOICES = List.of(
            choice("childWelfare", "Barneverntjenesten", "Child welfare service"),
            choice("socialServices", "Sosialtjenesten/NAV", "Social services/NAV"),
            choice("school", "Skole", "School"),
            choice("healthCentre", "Helsestasjon", "Health centre"),
            choice("refugeeOffice", "Flyktning- og innvandrerkontor", "Refugee and immigration office"),
            choice("culture", "Kultur", "Culture"),
            choice("voluntary", "Frivillige organisasjoner", "Voluntary organisations"),
            choice("business", "Privat næringsliv", "Private business"));

    /** The four measure categories of the evaluation's chart "Eksempler på tiltak". */
    public static final List<Choice> CATEGORY_CHOICES = List.of(
            choice("alle", "Åpent for alle", "Open to all"),
            choice("kompetanse", "Kompetanseheving", "Competence building"),
            choice("individ", "Individuell støtte", "Individual support"),
            choice("familie", "Familieaktivitet", "Family activity"));

    /** The five reporting regions of the evaluation, in the order its tables use. */
    public static final List<String> REGIONS = List.of("Nord", "Midt", "Øst/Oslo", "Vest", "Sør");

    private CommonFields() {
    }

    private static Choice choice(String code, String nb, String en) {
        return new Choice(code, new LocalizedText(nb, en));
    }
}
