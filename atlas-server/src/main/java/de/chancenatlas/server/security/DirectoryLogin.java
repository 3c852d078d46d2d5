package de.chancenatlas.server.security;

import de.chancenatlas.core.access.Accounts;
import java.sql.SQLException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticator;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Login against the municipality's directory (LDAP or Active Directory), as an option beside the
 * atlas's own accounts: the directory checks the password, the atlas keeps the rights. A person
 * signing in for the first time gets an atlas account without grants, which an administrator then
 * grants as usual. Local accounts (the initial administrator) keep working.
 */
public final class DirectoryLogin implements AuthenticationProvider {
    private final Accounts accounts;
    private final LdapAuthenticator ldap;
    private final ActiveDirectoryLdapAuthenticationProvider activeDirectory;

    private DirectoryLogin(Accounts accounts, LdapAuthenticator ldap, ActiveDirectoryLdapAuthenticationProvider activeDirectory) {
        this.accounts = accounts;
        this.ldap = ldap;
        this.activeDirectory = activeDirectory;
    }

    /** LDAP: {@code url} with base DN (ldap://host:389/dc=kreis,dc=de), users bound as {@code userDnPattern} (uid={0},ou=people). */
    public static DirectoryLogin ldap(Accounts accounts, String url, String userDnPattern) {
        var source = new DefaultSpringSecurityContextSource(url);
        source.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(source);
        bind.setUserDnPatterns(new String[] {userDnPattern});
        return new DirectoryLogin(accounts, bind, null);
    }

    /** Active Directory: users sign in as {@code name} and are bound as {@code name@domain}. */
    public static DirectoryLogin activeDirectory(Accounts accounts, String domain, String url) {
        return new DirectoryLogin(accounts, null, new ActiveDirectoryLdapAuthenticationProvider(domain, url));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName();
        if (login == null || !login.matches("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}")) {
            return null;   // not a name the directory or the atlas would know; let the next provider answer
        }
        String displayName = login;
        if (ldap != null) {
            DirContextOperations user = ldap.authenticate(authentication);
            String cn = user.getStringAttribute("cn");
            displayName = cn != null ? cn : login;
        } else {
            activeDirectory.authenticate(authentication);
        }
        try {
            StaffUser staff = new StaffUser(accounts.directoryAccount(login, displayName));
            if (!staff.isEnabled() || !staff.isAccountNonLocked()) {
                throw new org.springframework.security.authentication.DisabledException(login);
            }
            return UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities());
        } catch (SQLException e) {
            throw new InternalAuthenticationServiceException("database unavailable", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
