package io.dailies.access;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Lax (sent when a link in the morning
 * e-mail opens the console, never with another site's form or script), Secure when Dailies is served over
 * TLS (dailies.security.secure-cookies), and an idle timeout (dailies.security.session-timeout-min).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "dailies.security.secure-cookies", defaultValue = "false")
    boolean secure;

    @Inject
    @ConfigProperty(name = "dailies.security.session-timeout-min", defaultValue = "120")
    int timeoutMinutes;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        event.getServletContext().setSessionTimeout(timeoutMinutes);
    }
}
