package de.chancenatlas.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user with a one-time password may do one thing: change it ({@code POST /api/v1/me/password}, or
 * the web atlas's page /passwort), or look at who they are. Everything else answers 403 saying so.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI();
        if (auth != null && auth.getPrincipal() instanceof StaffUser u && u.account().mustChangePassword()
                && !path.equals("/api/v1/me/password") && !path.equals("/api/v1/me") && !path.equals("/logout")
                && !path.equals("/api/v1/session") && !path.equals("/passwort") && !path.startsWith("/assets/") && !path.equals("/favicon.svg")) {
            if ("GET".equals(request.getMethod()) && String.valueOf(request.getHeader("Accept")).contains("text/html")) {
                response.sendRedirect("/passwort");   // a browser goes to the web atlas's password page
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"status\":403,\"title\":\"Bitte zuerst das Einmal-Passwort ändern: POST /api/v1/me/password "
                    + "/ change the one-time password first\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
