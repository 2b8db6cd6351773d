package org.smtpdoctor.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.UserDefinedFunctionUtils;
import org.apache.spark.sql.expressions.SparkUserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;
import scala.Function1;
import scala.collection.immutable.Seq;

/**
 * The engine as a Spark SQL function. {@code SmtpDoctor.register(spark)} adds
 * {@code smtp_diagnose(text)} and {@code smtp_diagnose(text, lang)}, which return a struct:
 * {@code category, basis, code, enhancedCode, stage, retry, actor, params, secondary, rule,
 * ruleSetVersion} and {@code advice} ({@code language, title, explanation, remedy, links, codeMeaning}:
 * only when a language is given, else null). A null text gives null.
 *
 * <pre>{@code
 * SmtpDoctor.register(spark);
 * spark.sql("SELECT smtp_diagnose(error).category, count(*) FROM deliveries GROUP BY 1");
 * spark.sql("SELECT smtp_diagnose(error, 'ru').advice.title FROM deliveries");
 * }</pre>
 *
 * <p>The rule set is read once on the driver (a directory that does not load fails here, with file:line:col)
 * and broadcast; each executor JVM builds one engine per rule set version and shares it across tasks,
 * with batch's template cache in front.
 */
public final class SmtpDoctor {
    /** The function's name in SQL. */
    public static final String FUNCTION = "smtp_diagnose";

    static final StructType ADVICE = DataTypes.createStructType(List.of(
            string("language"), string("title"), string("explanation"),
            field("remedy", DataTypes.createArrayType(DataTypes.StringType)),
            field("links", DataTypes.createArrayType(DataTypes.StringType)),
            string("codeMeaning")));

    /** The type {@code smtp_diagnose} returns. */
    public static final StructType RESULT = DataTypes.createStructType(List.of(
            string("category"), string("basis"), field("code", DataTypes.IntegerType), string("enhancedCode"),
            string("stage"), string("retry"), string("actor"),
            field("params", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)),
            field("secondary", DataTypes.createArrayType(DataTypes.StringType)),
            string("rule"), string("ruleSetVersion"), field("advice", ADVICE)));

    private SmtpDoctor() {
    }

    /** Registers {@code smtp_diagnose} with the bundled rules. */
    public static void register(SparkSession spark) {
        register(spark, null);
    }

    /**
     * Registers {@code smtp_diagnose} with the rules of {@code rulesDirectory} (null: the bundled rules).
     *
     * @throws org.smtpdoctor.source.ProblemsException when the rules cannot be loaded
     */
    public static void register(SparkSession spark, Path rulesDirectory) {
        RuleBundle bundle = rulesDirectory == null ? RuleBundle.bundled() : RuleBundle.load(rulesDirectory);
        Broadcast<RuleBundle> rules = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bundle);
        UDF1<String, Row> one = text -> diagnose(rules.value(), text, null);
        UDF2<String, String, Row> two = (text, lang) -> diagnose(rules.value(), text, lang);
        SparkUserDefinedFunction withText = (SparkUserDefinedFunction) functions.udf(one, RESULT).withName(FUNCTION);
        SparkUserDefinedFunction withLanguage = (SparkUserDefinedFunction) functions.udf(two, RESULT).withName(FUNCTION);
        // spark.udf().register keeps one function per name; SQL wants both arities under one name, so the
        // builder picks the function by the number of arguments, as Spark's own registration does for one.
        Function1<Seq<Expression>, Expression> builder = arguments -> switch (arguments.size()) {
            case 1 -> UserDefinedFunctionUtils.toScalaUDF(withText, arguments);
            case 2 -> UserDefinedFunctionUtils.toScalaUDF(withLanguage, arguments);
            default -> throw new IllegalArgumentException(FUNCTION + " takes (text) or (text, lang), not "
                    + arguments.size() + " arguments");
        };
        ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().functionRegistry()
                .createOrReplaceTempFunction(FUNCTION, builder, "scala_udf");
    }

    static Row diagnose(RuleBundle rules, String text, String language) {
        if (text == null) {
            return null;
        }
        Diagnosis d = rules.diagnoser().diagnose(text);
        Row advice = null;
        if (language != null) {
            Locale locale = Locale.forLanguageTag(language);
            Advice a = d.advice(locale);
            advice = RowFactory.create(a.language(), a.title(), a.explanation(), a.remedy(), a.links(), d.codeMeaning(locale));
        }
        return RowFactory.create(d.category(), d.basis().id(), d.code() == 0 ? null : d.code(),
                d.enhancedCode() == null ? null : d.enhancedCode().toString(), d.stage() == null ? null : d.stage().id(),
                d.retry().id(), d.actor().id(), d.params(), d.secondary(),
                d.rule() == null ? null : d.rule().toString(), d.ruleSetVersion(), advice);
    }

    private static StructField string(String name) {
        return field(name, DataTypes.StringType);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
