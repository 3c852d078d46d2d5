package de.chancenatlas.core.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The catalogue file (YAML or JSON, documented in docs/catalogue.md): optionally the territory and
 * its unit levels, then themes and indicators with their full descriptions. Keys are snake_case.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CatalogueFile(Territory territory, List<Level> levels, List<Theme> themes, List<Indicator> indicators,
                            List<Relation> relations) {

    public record Territory(String key, String name, String kind, String ags, Integer srid, String attribution,
                            Map<String, Object> settings) { }

    public record Level(String key, String name, @JsonProperty("name_plural") String namePlural, Integer rank,
                        @JsonProperty("geometry_kind") String geometryKind) { }

    public record Theme(String key, String title, String description, @JsonProperty("sort_order") Integer sortOrder) { }

    public record Indicator(
            String key,
            String theme,
            String title,
            @JsonProperty("short_title") String shortTitle,
            String definition,
            String interpretation,
            String formula,
            @JsonProperty("numerator_label") String numeratorLabel,
            @JsonProperty("denominator_label") String denominatorLabel,
            @JsonProperty("unit_label") String unitLabel,
            @JsonProperty("scale_factor") BigDecimal scaleFactor,
            Integer decimals,
            String polarity,
            String kind,
            String aggregation,
            @JsonProperty("numerator_may_exceed_denominator") Boolean numeratorMayExceedDenominator,
            @JsonProperty("numerator_may_be_negative") Boolean numeratorMayBeNegative,
            String source,
            @JsonProperty("update_cycle") String updateCycle,
            String department,
            String visibility,
            @JsonProperty("counts_public") Boolean countsPublic,
            Map<String, Object> disclosure,
            Map<String, Object> classification,
            String periodicity,
            @JsonProperty("weight_indicator") String weightIndicator) { }

    /**
     * How the counts of indicators relate (disclosure control keeps withheld cells underivable across
     * them): {@code sum: k, of: [a, b]} says the count of k is the sum of the counts of a and b (a
     * ratio's count is its numerator; one part: the same count); {@code denominator: k, of: [r, s]}
     * says the ratios r and s have the count k as denominator.
     */
    public record Relation(String sum, String denominator, List<String> of) { }
}
