package de.chancenatlas.server.security;

import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session holds a copy of the account taken at login. Administrators change accounts while
 * people are signed in: this re-reads the account of a session at most every few seconds, so that
 * a disabled (or deleted) account loses its session and granted or revoked roles apply without a new
 * login. Basic and token requests authenticate afresh every time and are left alone.
 */
public class SessionAccountFilter extends OncePerRequestFilter {
    private static final String CHECKED = SessionAccountFilter.class.getName() + ".checked";

    private final Accounts accounts;
    private final long everyMs;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** @param everySeconds how old a session's copy of the account may get (atlas.session.recheck-seconds, default 10) */
    public SessionAccountFilter(Accounts accounts, int everySeconds) {
        this.accounts = accounts;
        this.everyMs = everySeconds * 1000L;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && request.getHeader("Authorization") == null && auth instanceof UsernamePasswordAuthenticationToken
                && auth.getPrincipal() instanceof StaffUser user) {
            Long checked = (Long) session.getAttribute(CHECKED);
            long now = System.currentTimeMillis();
            if (checked == null || now - checked >= everyMs) {
                Optional<Account> fresh;
                try {
                    fresh = accounts.find(user.getUsername());
                } catch (SQLException e) {
                    throw new ServletException(e);
                }
                if (fresh.isEmpty() || fresh.get().disabled()) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                } else {
                    session.setAttribute(CHECKED, now);
                    if (!fresh.get().equals(user.account())) {
                        StaffUser next = new StaffUser(fresh.get());
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(next, null, next.getAuthorities()));
                        SecurityContextHolder.setContext(context);
                        repository.saveContext(context, request, response);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
