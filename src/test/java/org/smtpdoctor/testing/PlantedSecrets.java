package org.smtpdoctor.testing;

import java.util.List;

/**
 * The forms in which a credential gets into a logged error, one row each, written as an attacker (or a careless
 * log statement) writes them: the text, and the secrets in it that no output may show. Issue 15 found these
 * forms coming out unmasked; {@code SecretFormsTest} runs every row through the masking, the diagnosis and its
 * explanation, and {@code SecretsThroughBatchTest} through every output of {@code batch}.
 */
public final class PlantedSecrets {
    /** A password longer than 256 characters: the old masking hid only its first 256. */
    private static final String LONG = "Lg" + "x7Qp".repeat(80) + "TailOfLongPw93";

    /**
     * One planted form.
     *
     * @param form    what the row shows (a setting, a URL, an AUTH exchange ...)
     * @param text    the logged text holding it
     * @param secrets the parts of the credential that must not appear in any output
     */
    public record Row(String form, String text, List<String> secrets) {
        public Row(String form, String text, String... secrets) {
            this(form, text, List.of(secrets));
        }

        @Override
        public String toString() {
            return form;
        }

        /** Whether the text is one line (a plain batch input can hold it). */
        public boolean oneLine() {
            return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
        }
    }

    /** Every row. */
    public static final List<Row> ROWS = List.of(
            new Row("pass=S", "mailer: connect failed host=smtp.example.org user=ann pass=Tq8wLmP2xV port=587", "Tq8wLmP2xV"),
            new Row("SMTP_PASS=S;", "env: SMTP_USER=ann;SMTP_PASS=Rb4!nQ9zK;SMTP_HOST=smtp.example.org 535 5.7.8 Error: authentication failed",
                    "Rb4!nQ9zK"),
            new Row("password=S", "connect failed (user=alice, password=s3cr3tPw9!, port=465)", "s3cr3tPw9!"),
            new Row("password= over 256 characters", "535 5.7.8 Authentication failed for password=" + LONG + " user=ann",
                    LONG, "TailOfLongPw93"),
            new Row("quoted password with spaces", "SMTPAuthenticationError: password=\"Wombat7 quill Xylo9 brisket\" rejected",
                    "Wombat7", "quill", "Xylo9", "brisket"),
            new Row("single-quoted password with spaces", "config: smtp_password = 'Hx9 bluefinch Q7zz' (from settings.py)",
                    "Hx9", "bluefinch", "Q7zz"),
            new Row("JSON \"password\"", "mail config {\"host\": \"smtp.example.org\", \"password\": \"Jq2 Vv8mm \\\"Kd93\\\" Pzq\"}",
                    "Jq2", "Vv8mm", "Kd93", "Pzq"),
            new Row("JSON escaped in a JSON string", "{\\\"smtp_password\\\":\\\"Lm3Xq9Zt\\\",\\\"port\\\":587}", "Lm3Xq9Zt"),
            new Row("YAML password:", "spring:\n  mail:\n    username: ann\n    password: Yy7Qw3Er\n535 5.7.8 Authentication failed",
                    "Yy7Qw3Er"),
            new Row("YAML pass: at the start of a line", "auth:\n  user: ann\n  pass: Np5Ke2Wq", "Np5Ke2Wq"),
            new Row("nodemailer pass: 'S'", "Error: Invalid login: 535 Authentication failed { auth: { user: 'ann', pass: 'Nm4 Dk8q' } }",
                    "Nm4", "Dk8q"),
            new Row("env MAIL_PASSWORD=", "MAIL_HOST=smtp.example.org MAIL_PASSWORD=Ee4Rr5Tt6 MAIL_PORT=587", "Ee4Rr5Tt6"),
            new Row("export SMTP_PASS=\"...\"", "+ export SMTP_PASS=\"Ex1 Pq2w\"", "Ex1", "Pq2w"),
            new Row("pwd=", "login failed: user=ann pwd=Pw0dQz8", "Pw0dQz8"),
            new Row("passwd:", "smtp settings passwd: Gh5Jk6Lz host: smtp.example.org", "Gh5Jk6Lz"),
            new Row("secret=", "oauth refresh failed secret=Sc7Rt8Qq", "Sc7Rt8Qq"),
            new Row("client_secret", "token request {\"client_id\": \"app\", \"client_secret\": \"Cs9Xx8Ww7\"} failed", "Cs9Xx8Ww7"),
            new Row("access_token=", "XOAUTH2 failed: access_token=ya29.Tk3Nn4Mm5 expired", "ya29.Tk3Nn4Mm5"),
            new Row("token:", "SMTP relay refused: api token: Tk8Rr2Zz", "Tk8Rr2Zz"),
            new Row("api_key=", "sendgrid error 401 api_key=SG.Ak1Bb2Cc3", "SG.Ak1Bb2Cc3"),
            new Row("apikey:", "mailgun: apikey: key-Ak4Dd5Ee6 rejected", "key-Ak4Dd5Ee6"),
            new Row("X-Api-Key header", "HTTP 401 from relay; request headers: X-Api-Key: Ak7Ff8Gg9", "Ak7Ff8Gg9"),
            new Row("Authorization: Basic", "proxy said 407; sent Authorization: Basic YW5uOkJhc2ljUHc5", "YW5uOkJhc2ljUHc5"),
            new Row("Authorization: Bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.Sg7KxQ2w",
                    "eyJhbGciOiJIUzI1NiJ9", "Sg7KxQ2w"),
            new Row("Bearer without its header", "401 Unauthorized (token Bearer ya29.a0AfH6SMBx9Qw) for smtp.example.org",
                    "ya29.a0AfH6SMBx9Qw"),
            new Row("Basic without its header", "relay login with Basic YW5uOkJhc2ljUHc5 refused", "YW5uOkJhc2ljUHc5"),
            new Row("AUTH PLAIN with its token", "C: AUTH PLAIN AGFubgBQbGFpblB3OQ== S: 535 5.7.8 Error: authentication failed",
                    "AGFubgBQbGFpblB3OQ=="),
            new Row("AUTH PLAIN, token on the line after 334",
                    "C: AUTH PLAIN\nS: 334 \nC: AGFubgBQbGFpblB3OA==\nS: 535 5.7.8 Error: authentication failed",
                    "AGFubgBQbGFpblB3OA=="),
            new Row("AUTH LOGIN, user and password on their own lines",
                    "AUTH LOGIN\n334 VXNlcm5hbWU6\nYW5uQGV4YW1wbGUub3Jn\n334 UGFzc3dvcmQ6\nTG9naW5QdzEy\n"
                            + "535-5.7.8 Username and Password not accepted.",
                    "YW5uQGV4YW1wbGUub3Jn", "TG9naW5QdzEy"),
            new Row("AUTH LOGIN in a timestamped trace",
                    "12:00:01 C: AUTH LOGIN\r\n12:00:01 S: 334 VXNlcm5hbWU6\r\n12:00:01 C: YW5u\r\n"
                            + "12:00:02 S: 334 UGFzc3dvcmQ6\r\n12:00:02 C: VHJhY2VQdzM0\r\n12:00:02 S: 535 5.7.8 failed",
                    "VHJhY2VQdzM0"),
            new Row("334 challenge and answer joined on one line", "AUTH LOGIN 334 VXNlcm5hbWU6 YW5u 334 UGFzc3dvcmQ6 Sm9pbmVkUHc1 535 5.7.8 failed",
                    "Sm9pbmVkUHc1"),
            new Row("a base64 password line on its own (JavaMail debug)", "TG9uZUxpbmVQdzc=", "TG9uZUxpbmVQdzc="),
            new Row("Python smtplib debug send:", "send: 'AUTH PLAIN AGFubgBQeXRob25QdzE=\\r\\n'", "AGFubgBQeXRob25QdzE="),
            new Row("Python smtplib debug, the password line", "send: 'UHl0aG9uUHcy\\r\\n'", "UHl0aG9uUHcy"),
            new Row("URL password holding /", "Could not connect to smtps://ann:Ur/l9Pw@smtp.example.org:465", "Ur/l9Pw", "l9Pw"),
            new Row("URL password holding @", "connection refused: smtp://ann:Ur@l8Pw@smtp.example.org:25", "Ur@l8Pw", "l8Pw"),
            new Row("URL whose user is an e-mail address", "MAIL_URL=smtp://ann@example.org:Em4ilPw@smtp.example.org:587 failed",
                    "Em4ilPw"),
            new Row("swaks --auth-password", "$ swaks --to bob@example.org --server smtp.example.org --auth LOGIN --auth-user ann "
                    + "--auth-password Sw4ksPw9\n<~  535 5.7.8 Error: authentication failed", "Sw4ksPw9"),
            new Row("swaks -ap", "swaks -t bob@example.org -s smtp.example.org -a LOGIN -au ann -ap Sw4ksPw8", "Sw4ksPw8"),
            new Row("--password S", "command failed: mailsend --password Cl1Pw7x --to bob@example.org", "Cl1Pw7x"),
            new Row("--pass S", "exec sendmail-wrapper --user ann --pass 'Cl2 Pw8y'", "Cl2", "Pw8y"),
            new Row("-p S", "ran: mailtool -u ann -p Cl3Pw9z -h smtp.example.org", "Cl3Pw9z"),
            new Row("msmtp --passwordeval", "msmtp --host=smtp.example.org --user=ann --passwordeval=\"echo Ms1Pw2q\" bob@example.org",
                    "Ms1Pw2q"),
            new Row("curl -u user:pass", "curl --url smtps://smtp.example.org:465 -u ann@example.org:Cu1Pw2r --mail-rcpt bob@example.org",
                    "Cu1Pw2r"),
            new Row("curl --user 'user:pass with spaces'", "curl --user 'ann:Cu3 Pw4s' smtp://smtp.example.org", "Cu3", "Pw4s"),
            new Row("smtplib login(user, password)", "File \"send.py\", line 9, in <module>\n    server.login(\"ann@example.org\", \"Py1Pw2s\")",
                    "Py1Pw2s"),
            new Row("new PasswordAuthentication(user, password)", "at Mailer.java:42 new PasswordAuthentication(\"ann\", \"Jv1Pw2t\")",
                    "Jv1Pw2t"),
            new Row("setPassword(\"S\")", "props: sender.setPassword(\"Sp1Pw2x\") failed", "Sp1Pw2x"),
            new Row("XML <password>", "<smtp><user>ann</user><password>Xm1Pw2u</password></smtp>", "Xm1Pw2u"),
            new Row("POP3 PASS command", "C: USER ann\nC: PASS Po1Pw2v\nS: -ERR authentication failed", "Po1Pw2v"));

    /**
     * Texts that hold no credential although they name one: reply wording the diagnosis needs. The masking
     * must leave every one of them exactly as it is.
     */
    public static final List<String> HARMLESS = List.of(
            "535 5.7.8 Error: authentication failed: authentication failure",
            "535-5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials",
            "535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6",
            "534-5.7.9 Application-specific password required",
            "550 5.7.26 SPF did not pass: example.com",
            "Authentication-Results: mx.example.org; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=a@example.org",
            "250-AUTH PLAIN LOGIN CRAM-MD5",
            "504 5.7.4 Unrecognized authentication type AUTH LOGIN",
            "AUTH LOGIN failed: 535 5.7.8 Authentication credentials invalid",
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled",
            "WWW-Authenticate: Bearer realm=\"example\"",
            "535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=a@b.ru",
            "javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful",
            "Could not connect to SMTP host: smtp.example.org, port: 587",
            "421 4.7.0 Try again later, closing connection. (EHLO) 334 responses exceeded");

    private PlantedSecrets() {
    }
}
