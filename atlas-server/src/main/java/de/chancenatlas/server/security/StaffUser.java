package de.chancenatlas.server.security;

import de.chancenatlas.core.access.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A staff account as Spring Security sees it. Authorities are coarse (STAFF, ADMIN for global
 * administrators); the rights per territory are decided by {@link Account} in the controllers.
 */
public record StaffUser(Account account) implements UserDetails {
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> a = new ArrayList<>();
        a.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        if (account.globalAdmin()) {
            a.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return a;
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.login();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !account.isLocked(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return !account.disabled();
    }
}
