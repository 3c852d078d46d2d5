package de.chancenatlas.server.security;

import de.chancenatlas.core.access.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer cna_…}: an API token for scripted imports stands for its user. */
public class ApiTokenFilter extends OncePerRequestFilter {
    private final Accounts accounts;

    public ApiTokenFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<StaffUser> user;
            try {
                user = accounts.byToken(header.substring(7).trim()).map(StaffUser::new);
            } catch (SQLException e) {
                throw new ServletException("database unavailable", e);
            }
            if (user.isEmpty() || !user.get().isAccountNonLocked()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"status\":401,\"title\":\"Token ungültig, abgelaufen oder widerrufen "
                        + "/ token invalid, expired or revoked\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(user.get(), null, user.get().getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
