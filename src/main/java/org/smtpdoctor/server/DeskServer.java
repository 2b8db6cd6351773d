package org.smtpdoctor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.authoring.RuleScaffold;
import org.smtpdoctor.batch.BatchInput;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.BatchSummary;
import org.smtpdoctor.batch.InputFormat;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.batch.UnknownTemplates;
import org.smtpdoctor.catalog.Category;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.engine.RuleSetListener;
import org.smtpdoctor.reply.ReplyTemplate;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.report.ExplanationJson;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.wording.ExampleWording;

/**
 * The support desk: the JSON API and the staff page, on Javalin (Jetty 12). See README.md, "The support desk".
 *
 * <p>Safety, in one place: it binds where told (127.0.0.1 by default); JSON bodies over
 * {@link DeskConfig#maxBodyBytes} get 413 before they are read; a connection silent for
 * {@link DeskConfig#idleTimeout} is closed, and a request body that trickles in slower than
 * {@link #MIN_REQUEST_BYTES_PER_SECOND} is cut, so a slow client cannot hold a worker; every refusal is a JSON
 * problem without a stack trace; teaching needs the token and a request that a cross-site page cannot forge.
 */
public final class DeskServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
    /** A body arriving slower than this is cut (a slow-loris client): 1 KiB/s is far below any real client. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    /** At most this many texts in one /api/diagnose request. */
    static final int MAX_TEXTS = 1000;
    /** The custom header the page sends with every request that changes rules (see {@link #checkForgery}). */
    static final String CSRF_HEADER = "X-Smtp-Doctor";
    /** The routes served (metrics name a request by its route; /api ones are all in openapi.json). */
    static final Set<String> ROUTES = Set.of("/", "/health", "/metrics", "/api/openapi.json",
            "/api/categories", "/api/diagnose", "/api/batch", "/api/unknowns", "/api/rules", "/api/rules/proposal", "/api/rules/preview",
            "/api/rules/wording");

    private final DeskConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiagnosisJson records = new DiagnosisJson(mapper);
    private final ExplanationJson traces = new ExplanationJson(mapper);
    private final SeenUnknowns unknowns = new SeenUnknowns();
    private final Diagnoser diagnoser;
    /** False when the engine was handed in (a bundled one shared by several desks): then its owner closes it. */
    private final boolean ownsEngine;
    private final DeskMetrics metrics;
    private final Teacher teacher;
    private final Suggestions suggestions;
    private final Preview preview;
    private final Javalin app;
    private volatile List<Problem> lastRefusal = List.of();

    private DeskServer(DeskConfig config, Diagnoser bundled) {
        this.config = config;
        Listener listener = new Listener();
        Diagnoser.Builder builder = Diagnoser.builder().rulesDirectory(config.rules());
        this.ownsEngine = bundled == null;
        this.diagnoser = bundled != null ? bundled : (config.rules() == null ? builder : builder.watch(listener)).build();
        this.metrics = new DeskMetrics(diagnoser.ruleSetVersion());
        this.teacher = config.teachingOn() ? new Teacher(diagnoser, config, mapper) : null;
        this.suggestions = new Suggestions(config.samples());
        this.preview = teacher == null ? null : new Preview(diagnoser, config, mapper);
        listener.ready = true;
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/smtpdoctor-desk";
                s.location = Location.CLASSPATH;
            });
            c.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(config.idleTimeout().toMillis());
                http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                http.setSendServerVersion(false);
            });
            c.routes.before(ctx -> {
                ctx.attribute("started", System.nanoTime());
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            });
            c.routes.after(this::count);
            c.routes.get("/health", this::health);
            c.routes.get("/metrics", ctx -> ctx.contentType(DeskMetrics.contentType()).result(metrics.scrape()));
            c.routes.get("/api/openapi.json", this::openApi);
            c.routes.get("/api/categories", this::categories);
            c.routes.get("/api/unknowns", this::unknownsList);
            c.routes.post("/api/diagnose", this::diagnose);
            c.routes.post("/api/batch", this::batch);
            c.routes.post("/api/rules/proposal", this::proposal);
            c.routes.post("/api/rules", this::teach);
            c.routes.post("/api/rules/preview", this::preview);
            c.routes.post("/api/rules/wording", this::wording);
            c.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, new ApiProblem(e.getStatus(),
                    e.getStatus() == 413 ? "too-large" : "http-" + e.getStatus(), titleOf(e.getStatus()),
                    e.getStatus() == 413 ? "the body is larger than " + config.maxBodyBytes() + " bytes"
                            : e.getMessage())));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, new ApiProblem(500, "internal", "The desk failed to answer",
                        "an internal error; the server log has the details"));
            });
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !"application/problem+json".equals(ctx.contentType())) {
                    problem(ctx, new ApiProblem(404, "not-found", "No such page or endpoint",
                            ctx.method() + " " + ctx.path() + " is not served; see /api/openapi.json"));
                }
            });
            c.routes.error(405, ctx -> problem(ctx, new ApiProblem(405, "method-not-allowed",
                    "Method not allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /** Starts a desk; the rules load first (a {@code ProblemsException} when they do not). */
    public static DeskServer start(DeskConfig config) {
        return start(config, null);
    }

    /**
     * Starts a desk serving the bundled rules through an engine built already (each build is a Drools compile:
     * the server tests share one); the engine stays its caller's to close.
     */
    static DeskServer start(DeskConfig config, Diagnoser bundled) {
        if (bundled != null && config.rules() != null) {
            throw new IllegalArgumentException("a shared engine serves the bundled rules only: " + config.rules()
                    + " is watched by an engine of its own");
        }
        DeskServer server = new DeskServer(config, bundled);
        server.app.start(config.bind(), config.port());
        for (Connector connector : server.app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(config.idleTimeout().toMillis());
            }
        }
        return server;
    }

    /** The port listened on (the one chosen when the config asked for 0). */
    public int port() {
        return app.port();
    }

    /** The rule set version serving. */
    public String ruleSetVersion() {
        return diagnoser.ruleSetVersion();
    }

    @Override
    public void close() {
        app.stop();
        if (ownsEngine) {
            diagnoser.close();
        }
    }

    private final class Listener implements RuleSetListener {
        volatile boolean ready;

        @Override
        public void reloaded(String version) {
            lastRefusal = List.of();
            if (ready) {
                metrics.reloaded(version);
                if (teacher != null) {
                    teacher.reloaded();
                }
            }
        }

        @Override
        public void refused(List<Problem> problems) {
            lastRefusal = List.copyOf(problems);
            if (ready) {
                metrics.refused();
                if (teacher != null) {
                    teacher.refused(problems.stream().map(Problem::toString).toList());
                }
            }
        }
    }

    // ---- endpoints

    private void health(Context ctx) {
        ObjectNode health = mapper.createObjectNode();
        health.put("status", "ok");
        health.put("ruleSetVersion", diagnoser.ruleSetVersion());
        health.put("rules", config.rules() == null ? "bundled" : config.rules().toString());
        health.put("watching", config.rules() != null);
        health.put("teaching", teacher != null);
        ArrayNode refused = health.putArray("lastRefusedEdit");
        lastRefusal.forEach(p -> refused.add(p.toString()));
        json(ctx, health);
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = DeskServer.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    private void categories(Context ctx) {
        Taxonomy taxonomy = diagnoser.taxonomy();
        ObjectNode answer = mapper.createObjectNode();
        answer.put("ruleSetVersion", diagnoser.ruleSetVersion());
        taxonomy.languages().forEach(answer.putArray("languages")::add);
        answer.put("defaultLanguage", taxonomy.defaultLanguage());
        ArrayNode list = answer.putArray("categories");
        for (Category category : taxonomy.categories()) {
            ObjectNode one = list.addObject();
            one.put("id", category.id());
            one.put("family", category.family());
            category.description().forEach(one.putObject("title")::put);
        }
        json(ctx, answer);
    }

    private void unknownsList(Context ctx) {
        int limit = intParam(ctx, "limit", 100, 1, SeenUnknowns.MAX_TEMPLATES);
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode list = answer.putArray("unknowns");
        for (SeenUnknowns.Seen seen : unknowns.top(limit)) {
            list.addObject().put("template", seen.template()).put("count", seen.count())
                    .put("example", seen.example()).put("category", seen.category());
        }
        answer.put("untracked", unknowns.untracked());
        json(ctx, answer);
    }

    private void diagnose(Context ctx) {
        JsonNode body = jsonBody(ctx);
        Locale locale = language(body.path("lang"));
        boolean explain = body.path("explain").asBoolean(false);
        JsonNode text = body.get("text");
        JsonNode texts = body.get("texts");
        if ((text == null) == (texts == null)) {
            throw ApiProblem.badRequest("give either \"text\" (a string) or \"texts\" (an array of strings)");
        }
        if (text != null) {
            if (!text.isTextual()) {
                throw ApiProblem.badRequest("\"text\" must be a string");
            }
            json(ctx, record(text.asText(), locale, explain));
            return;
        }
        if (!texts.isArray() || texts.size() > MAX_TEXTS) {
            throw ApiProblem.badRequest("\"texts\" must be an array of at most " + MAX_TEXTS + " strings");
        }
        ArrayNode answer = mapper.createArrayNode();
        for (JsonNode one : texts) {
            if (!one.isTextual()) {
                throw ApiProblem.badRequest("every element of \"texts\" must be a string");
            }
            answer.add(record(one.asText(), locale, explain));
        }
        json(ctx, answer);
    }

    /** The record of {@code diagnose --json} (with {@code trace} when explained), counted and remembered. */
    private ObjectNode record(String text, Locale locale, boolean explain) {
        Explanation explanation = explain ? diagnoser.explain(text) : null;
        Diagnosis d = explanation != null ? explanation.diagnosis() : diagnoser.diagnose(text);
        ObjectNode record = records.toJson(d, locale);
        if (explanation != null) {
            record.set("trace", traces.toJson(explanation));
        }
        metrics.diagnosed(d.category(), 1);
        if (d.basis().isUntaught() && !BatchSummary.isBlank(text)) { // an empty text is nothing a rule could learn
            unknowns.add(ReplyTemplate.of(d.input()), 1, d.input(), d.category());
        }
        return record;
    }

    /**
     * A log in the body, streamed through {@link BatchRunner} as the batch command runs it: JSON Lines out, one
     * record per input record in input order, then one line {@code {"summary": {...}}}. Memory stays bounded
     * whatever the size: the runner holds a few chunks in flight, and the body is read as it arrives (a chunked
     * body, whose size is not declared, is first spooled to a temporary file: see {@link BatchBody}, which refuses
     * a log over the limit with 413 either way).
     */
    private void batch(Context ctx) throws IOException {
        Locale locale = language(ctx.queryParam("lang") == null ? mapper.missingNode()
                : mapper.getNodeFactory().textNode(ctx.queryParam("lang")));
        InputFormat format = enumParam(ctx, "input-format", InputFormat.class, InputFormat.PLAIN);
        String field = ctx.queryParam("field");
        String column = ctx.queryParam("column");
        if (format == InputFormat.JSONL && field == null || format == InputFormat.CSV && column == null) {
            throw ApiProblem.badRequest("input-format " + format.name().toLowerCase(Locale.ROOT) + " needs the "
                    + (format == InputFormat.JSONL ? "field" : "column") + " query parameter");
        }
        String keep = ctx.queryParam("keep");
        List<String> kept = keep == null || keep.isBlank() ? List.of() : Arrays.stream(keep.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        BatchRunner.Options options = new BatchRunner.Options(locale, format,
                new InputFormat.Fields(field, column, kept), OutputFormat.JSONL,
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        BatchRunner runner = new BatchRunner(diagnoser, options);
        try (BatchBody body = BatchBody.of(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                config.maxBatchBytes())) {
            ctx.contentType("application/x-ndjson; charset=utf-8");
            ctx.status(200);
            runner.run(List.of(BatchInput.of("-", body.stream())), ctx.res().getOutputStream(), n -> { });
        }
        OutputStream out = ctx.res().getOutputStream();
        BatchSummary summary = runner.summary();
        summary.categories().forEach(metrics::diagnosed);
        for (UnknownTemplates.Group g : summary.unknowns().top(SeenUnknowns.MAX_TEMPLATES)) {
            unknowns.add(g.template(), g.count(), g.example(), g.category());
        }
        ObjectNode last = mapper.createObjectNode();
        last.set("summary", summary.toJson(mapper));
        out.write((mapper.writeValueAsString(last) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What Teach proposes for a text, before anything is saved: the same logic as new-rule (read-only, no token). */
    private void proposal(Context ctx) {
        JsonNode body = jsonBody(ctx);
        String text = requiredText(body, "text");
        ObjectNode answer = wordingJson(RuleScaffold.propose(text));
        Diagnosis now = diagnoser.diagnose(text);
        answer.put("diagnosedAs", now.category());
        ArrayNode likely = answer.putArray("suggestions");
        Taxonomy taxonomy = diagnoser.taxonomy();
        for (Suggestions.Suggestion s : suggestions.rank(text, 3)) {
            ObjectNode one = likely.addObject();
            one.put("category", s.category());
            one.put("score", Math.round(s.score() * 100) / 100.0);
            s.closest().forEach(one.putArray("closestSamples")::add);
            if (taxonomy.contains(s.category())) {
                taxonomy.get(s.category()).description().forEach(one.putObject("title")::put);
            }
        }
        answer.put("ruleSetVersion", diagnoser.ruleSetVersion());
        answer.put("teaching", teacher != null);
        json(ctx, answer);
    }

    /**
     * Checks a wording staff edited against the reply it is for (read-only, no token): the wording and the parts of
     * the reply its placeholders stand for, or a 422 problem saying what to write instead.
     */
    private void wording(Context ctx) {
        JsonNode body = jsonBody(ctx);
        try {
            json(ctx, wordingJson(RuleScaffold.checkWording(requiredText(body, "text"), requiredText(body, "wording"))));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(422, "wording", "The wording does not match the reply", e.getMessage());
        }
    }

    private ObjectNode wordingJson(ExampleWording wording) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("wording", wording.wording());
        ArrayNode found = answer.putArray("placeholders");
        for (ExampleWording.Found f : wording.found()) {
            found.addObject().put("type", f.type().name().toLowerCase(Locale.ROOT)).put("name", f.name())
                    .put("value", f.value());
        }
        return answer;
    }

    /**
     * What a save would change, written nowhere served (see {@link Preview}). Guarded like a save: it is part of
     * teaching, and it compiles a rule set, which an anonymous caller should not be able to make the desk do.
     */
    private void preview(Context ctx) {
        teachingAllowed(ctx);
        JsonNode body = jsonBody(ctx);
        json(ctx, preview.of(TeachRequest.of(body)));
    }

    private void teachingAllowed(Context ctx) {
        if (teacher == null) {
            throw new ApiProblem(403, "teaching-off", "Teaching is off", config.rules() == null
                    ? "this desk serves the bundled rules; start serve with --rules DIR and --edit-token-env NAME"
                    : "start serve with --edit-token-env NAME, NAME being an environment variable holding the token");
        }
        checkForgery(ctx);
        checkToken(ctx);
    }

    /** Saves a taught rule: token, forgery check, version check (409), then the scaffold. */
    private void teach(Context ctx) {
        if (teacher == null) {
            metrics.saved("off");
            throw new ApiProblem(403, "teaching-off", "Teaching is off", config.rules() == null
                    ? "this desk serves the bundled rules; start serve with --rules DIR and --edit-token-env NAME"
                    : "start serve with --edit-token-env NAME, NAME being an environment variable holding the token");
        }
        checkForgery(ctx);
        checkToken(ctx);
        JsonNode body = jsonBody(ctx);
        String version = requiredText(body, "ruleSetVersion");
        try {
            ObjectNode saved = teacher.save(TeachRequest.of(body), version, ctx.ip());
            suggestions.invalidate();
            metrics.saved("saved");
            ctx.status(201);
            json(ctx, saved);
        } catch (ApiProblem p) {
            metrics.saved(p.status() == 409 ? "conflict" : "refused");
            throw p;
        }
    }

    /**
     * Cross-site request forgery: a page on another site can make a browser POST here (with a form or a simple
     * fetch), but it cannot add a custom header without a CORS preflight, which this server never grants. So a
     * change needs the {@link #CSRF_HEADER} header; and a request that carries an {@code Origin} must come from this
     * very origin. (The token is a second, independent guard: a forged request does not know it.)
     */
    private void checkForgery(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !(host != null && (origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            throw new ApiProblem(403, "cross-origin", "Cross-site request refused",
                    "a change of rules must come from the desk's own page, not from " + origin);
        }
        if (ctx.header(CSRF_HEADER) == null) {
            throw new ApiProblem(403, "csrf-header", "Request refused", "a change of rules needs the header "
                    + CSRF_HEADER + " (the desk's page sends it; a cross-site form cannot)");
        }
    }

    private void checkToken(Context ctx) {
        String auth = ctx.header("Authorization");
        String given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.editToken().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smtp-doctor\"");
            throw new ApiProblem(401, "token", "The edit token is missing or wrong",
                    "send Authorization: Bearer <token>, the token serve was given through --edit-token-env");
        }
    }

    // ---- helpers

    private JsonNode jsonBody(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes(); // 413 beyond maxRequestSize, before reading
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("the body is empty: send a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiProblem.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String requiredText(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiProblem.badRequest("\"" + name + "\" must be a non-empty string");
        }
        return value.asText();
    }

    /** The language asked for, or null for the catalog's default; one the catalog lacks is a 400. */
    private Locale language(JsonNode lang) {
        if (lang.isMissingNode() || lang.isNull()) {
            return null;
        }
        List<String> languages = diagnoser.taxonomy().languages();
        if (!lang.isTextual() || !languages.contains(lang.asText())) {
            throw ApiProblem.badRequest("\"lang\" must be one of " + String.join(", ", languages));
        }
        return Locale.forLanguageTag(lang.asText());
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    private static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type, E fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String id = e.name().toLowerCase(Locale.ROOT);
            if (id.equals(value)) {
                return e;
            }
            names.add(id);
        }
        throw ApiProblem.badRequest(name + " must be one of " + String.join(", ", names));
    }

    private void json(Context ctx, JsonNode node) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(mapper.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void problem(Context ctx, ApiProblem p) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        ctx.status(p.status());
        if (p.status() == 413) {
            // The rest of the body is unread, so this connection ends here: said, so the client opens a new one.
            ctx.header("Connection", "close");
        }
        try {
            ctx.contentType("application/problem+json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 413 -> "The body is too large";
            case 408 -> "The request took too long";
            default -> "The request cannot be answered";
        };
    }

    private void count(Context ctx) {
        Long started = ctx.attribute("started");
        if (started != null) {
            String path = ctx.path();
            String route = ROUTES.contains(path) ? path : path.endsWith(".js") || path.endsWith(".css")
                    || path.endsWith(".html") ? "static" : "other";
            metrics.request(route, ctx.method().name(), ctx.statusCode(), System.nanoTime() - started);
        }
    }
}
