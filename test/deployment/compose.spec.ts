import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The distributed profile's compose file, checked by docker-compose itself (no Docker engine needed). */
const root = resolve(__dirname, '../..');
const probe = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
const available = probe.status === 0;

(available ? describe : describe.skip)(
  available ? 'docker-compose.yml' : 'docker-compose.yml — skipped: docker-compose is not installed here (Debian package docker-compose)',
  () => {
    it('validates and wires the log, the read models, Kafka and the three apps', () => {
      const config = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: root, encoding: 'utf8' });
      expect(config.stderr).not.toMatch(/error/i);
      expect(config.status).toBe(0);
      const services = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '--services'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
      expect(services).toEqual(['api', 'kafka', 'keycloak', 'kurrentdb', 'mongodb', 'projector', 'relay']);
      expect(config.stdout).toContain('EVENTSTORE_URL: esdb://kurrentdb:2113?tls=false');
      expect(config.stdout).toContain('MONGODB_URL: mongodb://mongodb:27017');
      expect(config.stdout).toContain('KAFKA_BROKERS: kafka:9092');
      expect(config.stdout).toContain('NETWORK_STATISTICS_FROM: kafka');
      // The api logs in through Keycloak, under an issuer the browser and the containers both reach.
      expect(config.stdout).toContain('OIDC_ISSUER: http://keycloak.localhost:8080/realms/alveole');
      expect(config.stdout).toContain('KC_HOSTNAME: http://keycloak.localhost:8080');
      expect(config.stdout).toContain('OIDC_REDIRECT_URI: http://localhost:3000/api/session/oidc/callback');
    });
  },
);
