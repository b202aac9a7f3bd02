import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { caseloadService } from '../caseload/caseload.js';
import type { Config } from '../config.js';
import type { AppLogger } from '../logger.js';
import { actionsRouter } from '../routes/actions/index.js';
import { adminRouter } from '../routes/admin/index.js';
import { caseloadRouter } from '../routes/caseload/index.js';
import { casesRouter } from '../routes/cases/index.js';
import { hsdsRouter } from '../routes/hsds/index.js';
import { fhirRouter } from '../routes/fhir/index.js';
import { invitationsRouter } from '../routes/invitations/index.js';
import { meetingsRouter } from '../routes/meetings/index.js';
import { myRouter } from '../routes/my/index.js';
import { notificationsRouter } from '../routes/notifications/index.js';
import { professionalsRouter } from '../routes/professionals/index.js';
import { decisionTreesRouter } from '../routes/decisionTrees/index.js';
import { lettersRouter } from '../routes/letters/index.js';
import { referralsRouter } from '../routes/referrals/index.js';
import { retentionRouter } from '../routes/retention/index.js';
import { sessionRouter } from '../routes/session/index.js';
import { socialMapRouter } from '../routes/socialMap/index.js';
import { glossaryRouter } from '../routes/glossary/index.js';
import { collaborationHealthRouter } from '../routes/collaborationHealth/index.js';
import { clientPlanService } from '../services/clientPlan.js';
import type { Services } from '../services/index.js';
import type { SyncServer } from '../sync/syncServer.js';
import { clientFiles } from './clientFiles.js';
import { permissionsPolicy, strictTransport } from './headers.js';
import { requestLogger } from './requestLog.js';
import { attachSession, csrfProtection, sessionFromHeaders } from './session.js';
import { HttpError, errorHandler } from './validate.js';

/**
 * The Express app: security headers, health check, the REST API under /api and the built client,
 * in the order a request meets them. WebSocket upgrades for sync are handled beside it (app.ts).
 */
export function httpApp(
  config: Config,
  deps: { services: Services; sync: SyncServer; log: AppLogger },
): express.Express {
  const { services, sync, log } = deps;
  const { sessions, cases } = services;
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy (TRUST_PROXY): req.ip and req.secure come from its X-Forwarded-* headers.
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          // Only behind HTTPS: on plain http it would point the browser at an https that is not there.
          'upgrade-insecure-requests': config.session.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  app.use(strictTransport(config.session.cookieSecure), permissionsPolicy);
  // Public: that the server is up. How busy it is only for a signed-in admin.
  app.get('/healthz', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const admin = (await sessionFromHeaders(sessions, req.headers.cookie))?.user.role === 'admin';
    if (!admin) return void res.json({ status: 'ok' });
    res.json({ status: 'ok', documentsLoaded: sync.registry.size, connections: sync.connectionCount });
  });
  // An HSDS file of a district's map is larger than any other request; the parser below then skips it.
  app.use('/api/social-map/import', express.json({ limit: '5mb' }));
  // A case's FHIR bundle (SPEC FH6) is larger than other requests: its own route only, any JSON type.
  app.put(
    '/api/cases/:caseId/fhir',
    express.json({ type: ['application/json', 'application/fhir+json'], limit: '5mb' }),
  );
  app.use('/api', express.json({ limit: '100kb' }), attachSession(sessions), csrfProtection);
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api/session', sessionRouter(services));
  app.use('/api/invitations', invitationsRouter(services));
  app.use('/api/cases', casesRouter(services));
  app.use('/api/professionals', professionalsRouter(services));
  const plans = clientPlanService(sync.registry, cases, services.socialMap, services.referrals.store);
  app.use('/api/my', myRouter(services, plans));
  app.use('/api/retention', retentionRouter(services));
  app.use('/api/admin', adminRouter(services));
  app.use('/api/meetings', meetingsRouter(services));
  app.use('/api/actions', actionsRouter(services));
  app.use('/api/caseload', caseloadRouter(services, caseloadService(services.data)));
  app.use('/api/social-map', socialMapRouter(services));
  app.use('/api/glossary', glossaryRouter(services));
  app.use('/api/collaboration-health', collaborationHealthRouter(services));
  app.use('/api/referrals', referralsRouter(services));
  app.use('/api/letter-templates', lettersRouter(services));
  app.use('/api/decision-trees', decisionTreesRouter(services));
  app.use('/api/hsds', hsdsRouter(services));
  app.use('/api/fhir', fhirRouter(services));
  app.use('/api/notifications', notificationsRouter(services, services.notifications));
  app.use('/api', (req) => {
    throw new HttpError(404, `no route ${req.method} ${req.originalUrl}`);
  });
  const clientDir = config.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html')))
    app.use(clientFiles(clientDir, { production: config.env === 'production' }));
  app.use(errorHandler(log));

  return app;
}
