package de.chancenatlas.server.api;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about periods, beyond the field names: the read records live in
 * atlas-core, which knows nothing of OpenAPI, so their contract is described here, once.
 */
@Configuration
public class ApiDocs {
    static final String PERIOD = "Period key: \"2012\" (year, Stichtag 31.12.), \"2015-H1\" (half-year), \"2015-Q2\" (quarter), "
            + "\"2015-06\" (month), \"2023-03-01\" (fixed yearly date, e.g. Kita statistics), \"2023/24\" (school year). "
            + "Query parameters accept the key, the ISO Stichtag or a German form (\"1. Hj. 2015\", \"30.06.2015\", \"06/2015\", "
            + "\"Schuljahr 2023/24\"); a bare year of sub-annual data is its latest period.";
    static final String STICHTAG = "Reporting date (Stichtag) of the period, ISO 8601 (2015-06-30).";
    static final String LABEL = "German label of the period: \"2012\", \"1. Halbjahr 2015\", \"2. Quartal 2015\", \"Juni 2015\", "
            + "\"01.03.2023\", \"Schuljahr 2023/24\".";

    @Bean
    OpenApiCustomizer periodsDescribed() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            for (String name : new String[] {"Period", "Value"}) {
                describe(schemas.get(name), "period", PERIOD);
                describe(schemas.get(name), "stichtag", STICHTAG);
                describe(schemas.get(name), "period_label", LABEL);
            }
            describe(schemas.get("Indicator"), "periods", "The periods with values in Stichtag order, each an object "
                    + "{period, stichtag, period_label}.");
            describe(schemas.get("Indicator"), "periodicity", "How often the indicator reports: year, half_year, quarter, month, "
                    + "yearly:MM-DD (a fixed date every year) or school_year:MM-DD (the school year, counted on that date).");
            describe(schemas.get("Indicator"), "levels", "Each polygon level: has_values, else the reason (no_values, "
                    + "finer_than_data, not_aggregated, no_counts, no_weights, not_published) with German and English text.");
            describe(schemas.get("Indicator"), "weight_indicator", "The indicator weighting the mean when aggregation is weighted_mean.");
        };
    }

    @SuppressWarnings("rawtypes")
    private static void describe(Schema schema, String property, String text) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Object p = schema.getProperties().get(property);
        if (p == null) {
            // springdoc may name record components in camelCase
            p = schema.getProperties().get(camel(property));
        }
        if (p instanceof Schema s) {
            s.setDescription(text);
        }
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
