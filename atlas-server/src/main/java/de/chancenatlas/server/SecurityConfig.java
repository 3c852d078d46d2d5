package de.chancenatlas.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads are open (the read path itself filters by viewer); every write needs an authenticated
 * administrator over HTTP Basic. Until users live in the database, the one administrator comes
 * from ATLAS_ADMIN_USER / ATLAS_ADMIN_PASSWORD, or gets a random password printed at start.
 */
@Configuration
public class SecurityConfig {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // who imported which file is internal, and so are the problems found in an upload
                        .requestMatchers("/api/v1/territories/*/batches/**", "/api/v1/imports/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ows", "/*/ows").permitAll()   // WFS requests in XML
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder, @Value("${ATLAS_ADMIN_USER:admin}") String user,
                             @Value("${ATLAS_ADMIN_PASSWORD:}") String password) {
        String pw = password;
        if (pw.isBlank()) {
            pw = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            log.warn("No ATLAS_ADMIN_PASSWORD set: administrator '{}' has the one-time password {} (valid until restart)", user, pw);
        }
        return new InMemoryUserDetailsManager(User.withUsername(user).password(encoder.encode(pw)).roles("ADMIN").build());
    }
}
