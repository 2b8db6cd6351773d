package org.smtpdoctor.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a record table: batch's JSON record fields (README, "Output fields"), in the order batch
 * writes them, typed. A field a record does not have (such as {@code error} of a diagnosed line, or
 * {@code overlong} of a line that was not cut) is null.
 */
final class RecordSchema {
    private RecordSchema() {
    }

    static StructType of(List<String> keep) {
        List<StructField> fields = new ArrayList<>();
        fields.add(string("file"));
        fields.add(field("line", DataTypes.LongType));
        keep.forEach(name -> fields.add(string(name)));
        fields.add(field("overlong", DataTypes.BooleanType));
        fields.add(string("input"));
        fields.add(string("category"));
        fields.add(string("basis"));
        fields.add(field("code", DataTypes.IntegerType));
        fields.add(string("enhancedCode"));
        fields.add(field("rule", DataTypes.createStructType(List.of(
                string("name"), string("file"), field("line", DataTypes.IntegerType)))));
        fields.add(string("retry"));
        fields.add(string("actor"));
        fields.add(string("title"));
        fields.add(string("explanation"));
        fields.add(field("remedy", DataTypes.createArrayType(DataTypes.StringType)));
        fields.add(field("params", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
        fields.add(field("secondary", DataTypes.createArrayType(DataTypes.StringType)));
        fields.add(string("codeMeaning"));
        fields.add(field("links", DataTypes.createArrayType(DataTypes.StringType)));
        fields.add(string("language"));
        fields.add(string("ruleSetVersion"));
        fields.add(field("truncated", DataTypes.BooleanType));
        fields.add(string("stage"));
        fields.add(string("error"));
        return DataTypes.createStructType(fields);
    }

    private static StructField string(String name) {
        return field(name, DataTypes.StringType);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
