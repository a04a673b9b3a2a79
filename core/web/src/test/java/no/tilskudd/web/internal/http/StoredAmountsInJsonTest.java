package no.tilskudd.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: "an amount that was stored is never silently emptied in an export". The API (and the CLI's
 * {@code --json}, a JsonMapper with the same defaults) does not format amounts: the rows of indicator tables and
 * submissions go out as JSON numbers, written from the BigDecimal or Long itself. Every representation the store can
 * hand over comes back as the same number.
 */
class StoredAmountsInJsonTest {

    @Test
    void everyStoredAmountIsWrittenAsTheSameNumber() throws Exception {
        List<Object> amounts = List.of(new BigDecimal("1E+12"), new BigDecimal("1234.5678"), new BigDecimal("-0.00"),
                new BigDecimal("500000.00"), new BigDecimal("12345678901234567.89"), new BigDecimal("1E+400"),
                9_007_199_254_740_993L);
        String json = ApiServlet.JSON.writeValueAsString(Map.of("rows", List.of(amounts)));
        JsonNode row = ApiServlet.JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json).get("rows").get(0);
        assertEquals(amounts.size(), row.size(), json);
        for (int i = 0; i < amounts.size(); i++) {
            JsonNode n = row.get(i);
            assertEquals(true, n.isNumber(), "a JSON number, not text or null: " + json);
            BigDecimal want = new BigDecimal(amounts.get(i).toString());
            assertEquals(0, want.compareTo(n.decimalValue()), amounts.get(i) + " came back as " + n + " in " + json);
        }
    }
}
