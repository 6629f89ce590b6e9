package io.marque.portal.web.security;

import io.marque.portal.web.theme.Ui;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The language switcher for signed-out readers: remembers the choice in a cookie and goes back to
 * the page. Signed-in users choose their language in their profile.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = request.getParameter("lang");
        if (lang != null && Ui.LANGUAGES.contains(lang)) {
            Cookie cookie = new Cookie(Ui.LANG_COOKIE, lang);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        String back = request.getParameter("back");
        // only a local path: never redirect to another host
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.length() < 300 && back.chars().noneMatch(c -> c < 0x20);
        response.sendRedirect(local ? back : "/");
    }
}
