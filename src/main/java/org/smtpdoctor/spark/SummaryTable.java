package org.smtpdoctor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smtpdoctor.batch.BatchSummary;

/**
 * Batch's summary as a small table: one row per (dimension, key) with its records, e.g. (category,
 * auth.invalid-credentials, 1234); totals under dimension {@code total}; the most frequent replies no rule
 * knows under {@code unknown-template}. Taken from batch's JSON summary, so the two never disagree.
 */
final class SummaryTable {
    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("dimension", DataTypes.StringType, false),
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("records", DataTypes.LongType, false)));

    /** The summary's plural JSON names, as the dimension of one row. */
    private static final Map<String, String> DIMENSIONS = Map.of("categories", "category", "families", "family", "bases", "basis");

    private SummaryTable() {
    }

    static List<Row> rows(BatchSummary summary, ObjectMapper mapper) {
        List<Row> rows = new ArrayList<>();
        JsonNode json = summary.toJson(mapper);
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                rows.add(RowFactory.create("total", field.getKey(), value.asLong()));
            } else if (value.isObject()) {
                String dimension = DIMENSIONS.getOrDefault(field.getKey(), field.getKey());
                value.properties().forEach(e -> rows.add(RowFactory.create(dimension, e.getKey(), e.getValue().asLong())));
            } else if (value.isArray()) {
                value.forEach(g -> rows.add(RowFactory.create("unknown-template", g.path("template").asText(), g.path("count").asLong())));
            }
        }
        return rows;
    }
}
