package no.tilskudd.distribution;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A valid example-scheme file that takes a while to import: one report per org unit and year, many measures each. */
final class BigImportFile {

    private BigImportFile() {
    }

    /**
     * Writes the file.
     *
     * @param file     where
     * @param units    org-unit codes valid in 2016 and 2017
     * @param measures measures per report (the form allows at most 50)
     * @return how many submissions the file holds
     */
    static int write(Path file, List<String> units, int measures) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int m = 0; m < measures; m++) {
            rows.append(m == 0 ? "" : ",").append("{\"name\":\"Tiltak ").append(m)
                    .append("\",\"category\":\"alle\",\"participantsChildren\":10,\"participantsFamilies\":2,"
                            + "\"budget\":1000,\"newOrContinued\":\"new\",\"firstFundedYear\":YEAR}");
        }
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int year : new int[] {2016, 2017}) {
                for (String code : units) {
                    w.write("{\"scheme\":\"example\",\"year\":" + year + ",\"orgUnit\":\"" + code + "\",\"values\":{"
                            + "\"grantAmount\":500000,\"goalsReached\":\"all\",\"measures\":["
                            + rows.toString().replace("YEAR", String.valueOf(year)) + "]}}\n");
                    n++;
                }
            }
        }
        return n;
    }
}
