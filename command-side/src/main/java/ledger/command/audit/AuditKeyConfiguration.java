package ledger.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import ledger.evidence.SigningKey;
import ledger.store.CommitSealer;
import ledger.store.audit.CommitSeals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's audit key (a file created at first start, never in the database): it signs
 * the checkpoints and seals every commit as it is written. One key for both, because both vouch
 * for the same thing (the command side wrote this) from the same process and file: a second key
 * beside the first would fall with it, and auditors pin one key id instead of two.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);

    @Bean
    SigningKey auditSigningKey(@Value("${ledger.audit.key-file}") Path keyFile) {
        try {
            SigningKey key = SigningKey.loadOrCreate(keyFile);
            log.info("Audit signing key {} from {}", key.keyId(), keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + keyFile, e);
        }
    }

    /** Picked up by the storage engine: every commit and void this service writes is sealed. */
    @Bean
    CommitSealer commitSealer(SigningKey auditSigningKey, Clock clock) {
        return new CommitSeals(auditSigningKey, clock);
    }
}
