package io.dailies.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The morning e-mail, optional: the night's summary and a link to its workbook, to each recipient of the
 * schedule, through the server's Jakarta Mail session {@value #SESSION} (wildfly-config/schedule.cli: host, port,
 * TLS and sender from the environment). Mail is on when {@code dailies.mail.host} (DAILIES_MAIL_HOST, the same
 * variable the session's server comes from) is set; the SMTP credentials, when the server wants them, come from
 * DAILIES_MAIL_USERNAME and DAILIES_MAIL_PASSWORD and never land in a file or the management model. Without mail
 * the log says so once per night and nothing fails; a failed send is logged and noted on the night.
 */
@ApplicationScoped
public class DailiesMail {

    private static final Logger LOG = Logger.getLogger(DailiesMail.class.getName());
    static final String SESSION = "java:jboss/mail/Dailies";

    @Inject
    @ConfigProperty(name = "dailies.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "dailies.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "dailies.mail.password")
    Optional<String> password;

    /** Where the links in the e-mail point: the server as its readers reach it. */
    @Inject
    @ConfigProperty(name = "dailies.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    /** The e-mail of one night, ready to send. */
    public record Morning(long projectId, String project, long firingId, String night, List<String> recipients, NightSummary summary) {
    }

    /** Sends it; what became of it, in words (kept on the night). */
    public String send(Morning m) {
        if (m.recipients().isEmpty()) {
            return "No e-mail: the schedule has no recipients.";
        }
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            LOG.info(() -> "Morning dailies of project " + m.projectId() + " (night " + m.night() + ") not e-mailed to "
                    + m.recipients().size() + " recipients: no mail is configured (set DAILIES_MAIL_HOST, see docs/operations.md).");
            return "No e-mail: mail is not configured on the server (DAILIES_MAIL_HOST).";
        }
        Session session;
        try {
            session = InitialContext.doLookup(SESSION);
        } catch (NamingException e) {
            LOG.warning(() -> "Morning dailies not e-mailed: no mail session " + SESSION + " (apply wildfly-config/schedule.cli): " + e);
            return "No e-mail: the server has no mail session " + SESSION + ".";
        }
        String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        String latest = base + "api/projects/" + m.projectId() + "/dailies/latest";
        String night = base + "api/projects/" + m.projectId() + "/dailies/" + m.firingId();
        try {
            MimeMessage message = new MimeMessage(session);
            if (session.getProperty("mail.from") == null) {
                message.setFrom(new InternetAddress("dailies@localhost"));
            } else {
                message.setFrom();
            }
            for (String r : m.recipients()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
            }
            NightSummary s = m.summary();
            message.setSubject("Dailies: " + m.project() + ", night of " + m.night() + ": " + s.accepted() + " accepted, "
                    + s.toReview() + " to review, " + s.toRetake() + " to retake", "UTF-8");
            message.setText("The morning dailies of " + m.project() + ", night of " + m.night() + ".\n\n" + s.text()
                    + "\nThe workbook: " + night + "\nThe latest night, always: " + latest + "\n", "UTF-8");
            if (username.filter(u -> !u.isBlank()).isPresent() && password.isPresent()) {
                Transport.send(message, username.get(), password.get());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Morning dailies of project " + m.projectId() + " could not be e-mailed: " + e);
            return "E-mail failed: " + e.getMessage();
        }
        LOG.info(() -> "Morning dailies of project " + m.projectId() + " e-mailed to " + m.recipients());
        return "E-mailed to " + String.join(", ", m.recipients()) + ".";
    }
}
