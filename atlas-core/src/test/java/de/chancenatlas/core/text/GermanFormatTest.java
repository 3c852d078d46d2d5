package de.chancenatlas.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The Java formatter and the SQL function atlas.format_de must write every number the same way. */
class GermanFormatTest {
    private static final String[] NUMBERS = {"0", "5", "-5", "12.345", "12.35", "12.25", "-12.25", "0.05", "-0.05", "999.95",
        "1234.5", "1234567.891", "-1234567.891", "1000000", "0.004999", "5.702325581395349"};

    @Test
    void javaAndSqlAgree() throws Exception {
        try (var c = TestAtlas.dataSource().getConnection(); var ps = c.prepareStatement("select atlas.format_de(?::numeric, ?)")) {
            for (String n : NUMBERS) {
                for (int decimals = 0; decimals <= 3; decimals++) {
                    ps.setString(1, n);
                    ps.setInt(2, decimals);
                    var rs = ps.executeQuery();
                    rs.next();
                    assertThat(GermanFormat.format(new BigDecimal(n), decimals)).as("%s with %d decimals", n, decimals)
                            .isEqualTo(rs.getString(1));
                }
            }
        }
    }

    @Test
    void examples() {
        assertThat(GermanFormat.format(new BigDecimal("1234567.891"), 1)).isEqualTo("1.234.567,9");
        assertThat(GermanFormat.format(new BigDecimal("-0.05"), 1)).isEqualTo("-0,1");
        assertThat(GermanFormat.format(new BigDecimal("12.25"), 0)).isEqualTo("12");
    }
}
