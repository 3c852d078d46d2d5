package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Login against a directory (an in-memory LDAP server): the directory checks passwords, the atlas keeps the rights. */
class DirectoryLoginTest extends ServerTest {
    private static InMemoryDirectoryServer directory;

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) throws Exception {
        var config = new InMemoryDirectoryServerConfig("dc=kreis,dc=de");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=kreis,dc=de", "objectClass: top", "objectClass: domain", "dc: kreis");
        directory.add("dn: ou=people,dc=kreis,dc=de", "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: uid=schulz,ou=people,dc=kreis,dc=de", "objectClass: inetOrgPerson", "uid: schulz", "cn: Frau Schulz",
                "sn: Schulz", "userPassword: Verzeichnis-Passwort");
        directory.startListening();
        registry.add("ATLAS_LDAP_URL", () -> "ldap://127.0.0.1:" + directory.getListenPort() + "/dc=kreis,dc=de");
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void theDirectoryChecksThePasswordAndTheAtlasGrantsTheRights() throws Exception {
        String schulz = basic("schulz", "Verzeichnis-Passwort");
        var me = json(get("/api/v1/me", "Authorization", schulz));
        assertThat(me.get("login").asText()).isEqualTo("schulz");
        assertThat(me.get("display_name").asText()).isEqualTo("Frau Schulz");
        assertThat(me.get("grants").size()).isZero();
        assertThat(get("/api/v1/me", "Authorization", basic("schulz", "falsch")).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "Authorization", ADMIN).statusCode()).as("local accounts still work").isEqualTo(200);

        String layer = "koeln.anteil_migrationshintergrund.stadtteil";
        assertThat(get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", "Authorization", schulz).body()).doesNotContain(layer);
        assertThat(postJson("/api/v1/territories/koeln/grants", "{\"login\": \"schulz\", \"role\": \"reader\"}", ADMIN).statusCode())
                .isEqualTo(201);
        assertThat(get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", "Authorization", schulz).body()).contains(layer);
    }
}
