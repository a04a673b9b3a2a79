package no.tilskudd.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void aClientFileNameIsOnlyALabel() {
        assertEquals("evil.jsonl", Uploads.displayName("../../etc/evil.jsonl"));
        assertEquals("x.xlsx", Uploads.displayName("C:\\Users\\a\\x.xlsx"));
        assertEquals("ab.json", Uploads.displayName("a\u0000b.json"));
        assertEquals("upload", Uploads.displayName("/"));
        assertEquals("jsonl", Uploads.extension("A.JSONL"));
        assertEquals("", Uploads.extension("README"));
        assertEquals("application/json", Uploads.mediaType("Application/JSON; charset=utf-8"));
    }

    @Test
    void yearsAndRanges() {
        assertArrayEquals(new int[] {2016, 2017}, ApiServlet.years("2016-2017"));
        assertArrayEquals(new int[] {2016, 2016}, ApiServlet.years("2016"));
        assertThrows(ApiException.class, () -> ApiServlet.years("2017-2016"));
        assertThrows(ApiException.class, () -> ApiServlet.years("abc"));
        assertThrows(ApiException.class, () -> ApiServlet.year("99999"));
        // The command line's --years reads by the same rule (YearRange) and says the same.
        assertEquals("years '99999' is not a plausible year (1900-2100)",
                assertThrows(ApiException.class, () -> ApiServlet.years("99999")).getMessage());
    }

    @Test
    void downloadsGetTheirMediaType() {
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ApiServlet.mediaTypeOf("example-2016-2017.xlsx"));
        assertEquals("application/pdf", ApiServlet.mediaTypeOf("a.pdf"));
        assertEquals("application/octet-stream", ApiServlet.mediaTypeOf("a.bin"));
    }
}
