package de.chancenatlas.server;

import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.server.security.ApiTokenFilter;
import de.chancenatlas.server.security.DirectoryLogin;
import org.springframework.beans.factory.annotation.Value;
import de.chancenatlas.server.security.PasswordChangeFilter;
import de.chancenatlas.server.security.SessionAccountFilter;
import de.chancenatlas.server.security.RememberingPasswordEncoder;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Who may call what. Reads are open to everyone: the read path and the OGC service show each
 * principal what it may see (anonymous: the public area). Writes and administration need a staff
 * login; which territory, department or indicator a user may change is decided in the controllers
 * from the user's grants. Staff authenticate with HTTP Basic (OGC clients, scripts), an API token
 * (Bearer), or a session from the login form (browsers).
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, @Value("${ATLAS_LDAP_URL:}") String ldapUrl,
                            @Value("${ATLAS_LDAP_USER_DN_PATTERN:uid={0},ou=people}") String userDnPattern,
                            @Value("${ATLAS_AD_DOMAIN:}") String adDomain,
                            @Value("${atlas.session.recheck-seconds:10}") int recheckSeconds) throws Exception {
        if (!ldapUrl.isBlank()) {
            // the directory first; local accounts (the initial administrator) stay valid after it
            http.authenticationProvider(adDomain.isBlank() ? DirectoryLogin.ldap(accounts, ldapUrl, userDnPattern)
                    : DirectoryLogin.activeDirectory(accounts, adDomain, ldapUrl));
        }
        // a browser session is exposed to cross-site requests; Basic and token clients are not. The login form
        // is always checked (no forged logins), its token comes from GET /api/v1/session.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null
                        || (r.getSession(false) == null && !"/login".equals(r.getServletPath()))))
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        r -> !r.getRequestURI().startsWith("/api/v1/docs") && !r.getRequestURI().startsWith("/swagger-ui"),
                        new ContentSecurityPolicyHeaderWriter(CSP))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/territories/*/batches/**", "/api/v1/imports/**", "/api/v1/territories/*/imports/**",
                                "/api/v1/territories/*/indicators/*/history", "/api/v1/me/**", "/api/v1/me",
                                "/api/v1/users/**", "/api/v1/users").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ows", "/*/ows").permitAll()   // WFS requests in XML
                        .requestMatchers("/error", "/login", "/logout").permitAll()
                        .anyRequest().authenticated())
                .cors(cors -> cors.configurationSource(crossOrigin()))
                .httpBasic(Customizer.withDefaults())
                // the web atlas's own German login page (atlas-web), not Spring's default one
                .formLogin(f -> f.loginPage("/anmelden").loginProcessingUrl("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/anmelden?fehler").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/anmelden?abgemeldet"))
                .addFilterBefore(new ApiTokenFilter(accounts), BasicAuthenticationFilter.class)
                // a session's account as it is now (disabled, new grants), then the one-time-password check on it
                .addFilterAfter(new SessionAccountFilter(accounts, recheckSeconds), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), SessionAccountFilter.class);
        return http.build();
    }

    /** The web atlas loads script, style, images and data from here only; no inline script, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Web maps on other sites (OpenLayers, Leaflet) read the OGC endpoints (WMS/WFS, WMTS, OGC API) and the read API: any
     * origin may, without cookies (a browser never sends a staff session cross-site; scripts with an
     * API token or Basic credentials set the header themselves). Imports and administration get no
     * CORS headers, so browsers refuse cross-site calls to them.
     */
    static org.springframework.web.cors.CorsConfigurationSource crossOrigin() {
        var read = new org.springframework.web.cors.CorsConfiguration();
        read.addAllowedOrigin("*");
        read.setAllowedMethods(java.util.List.of("GET", "HEAD", "OPTIONS"));
        read.setAllowedHeaders(java.util.List.of("Accept", "Accept-Language", "Authorization", "Content-Type"));
        read.setExposedHeaders(java.util.List.of("Content-Disposition", "Content-Language"));
        read.setMaxAge(3600L);
        var ows = new org.springframework.web.cors.CorsConfiguration(read);
        ows.setAllowedMethods(java.util.List.of("GET", "HEAD", "POST", "OPTIONS"));   // WFS GetFeature as XML
        // tiles: a web map drawing them on a canvas (OpenLayers, MapLibre) needs CORS, or the canvas is tainted
        var tiles = new org.springframework.web.cors.CorsConfiguration(read);
        tiles.setExposedHeaders(java.util.List.of("Content-Disposition", "Content-Language", "X-Tile-Cache"));
        var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/wmts", tiles);
        source.registerCorsConfiguration("/wmts/**", tiles);
        source.registerCorsConfiguration("/*/wmts", tiles);
        source.registerCorsConfiguration("/*/wmts/**", tiles);
        source.registerCorsConfiguration("/ows", ows);
        source.registerCorsConfiguration("/*/ows", ows);
        source.registerCorsConfiguration("/ogcapi/**", read);
        source.registerCorsConfiguration("/*/ogcapi/**", read);
        source.registerCorsConfiguration("/ogcapi", read);
        source.registerCorsConfiguration("/*/ogcapi", read);
        source.registerCorsConfiguration("/api/v1/territories", read);
        source.registerCorsConfiguration("/api/v1/territories/**", read);
        source.registerCorsConfiguration("/api/v1/openapi.json", read);
        return source;
    }

    /** bcrypt (upgradable by its prefix), remembering verified logins so OGC clients do not pay it per request. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    Accounts accounts(DataSource ds, PasswordEncoder encoder) {
        return new Accounts(ds, encoder);
    }

    /** Publishes failed and successful logins, which {@link de.chancenatlas.server.security.StaffUsers} counts. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
