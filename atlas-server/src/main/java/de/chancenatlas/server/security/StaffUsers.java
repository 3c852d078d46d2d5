package de.chancenatlas.server.security;

import de.chancenatlas.core.access.Accounts;
import java.sql.SQLException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Staff users from the database, and the lockout bookkeeping of their logins. */
@Component
public class StaffUsers implements UserDetailsService {
    private final Accounts accounts;

    public StaffUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        try {
            return accounts.find(login).map(StaffUser::new).orElseThrow(() -> new UsernameNotFoundException(login));
        } catch (SQLException e) {
            throw new org.springframework.security.authentication.InternalAuthenticationServiceException("database unavailable", e);
        }
    }

    /** A wrong password counts towards the lockout (an unknown login changes nothing). */
    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent e) throws SQLException {
        accounts.recordFailure(e.getAuthentication().getName());
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent e) throws SQLException {
        if (e.getAuthentication().getPrincipal() instanceof StaffUser u) {
            accounts.recordSuccess(u.getUsername());
        }
    }
}
