package no.tilskudd.api.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.scheme.OrgUnit;
import org.osgi.annotation.versioning.ProviderType;

/** The municipalities and districts that may report, with their counties and regions. */
@ProviderType
public interface OrgUnitRegister {

    /**
     * Finds an org unit as it was in a year. When a code was reused, the entry valid in that year wins.
     *
     * @param code the code
     * @param year the year
     * @return the org unit, if the code is known at all (check {@link OrgUnit#validIn(int)} for the year)
     */
    Optional<OrgUnit> find(String code, int year);

    /**
     * All org units.
     *
     * @return the org units, ordered by code
     */
    List<OrgUnit> all();

    /**
     * The region names, in the register's order.
     *
     * @return the regions
     */
    List<String> regions();

    /**
     * Checks a register file ({@code code,name,county,region,validFrom,validTo}, UTF-8) and, if it is sound, makes
     * it the register from now on, kept in the data folder. A file with any bad line changes nothing.
     *
     * @param name the file name, for messages
     * @param csv  the content
     * @return how many org units the new register holds
     * @throws IOException              when reading or keeping the file fails
     * @throws IllegalArgumentException naming the line and the reason when the content is malformed
     */
    int replace(String name, InputStream csv) throws IOException;
}
