/** Builds the Fastify app: security plugins, the session hook, every feature's routes, OpenAPI. */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import './platform/fastify-types.js';
import type { AppContext } from './platform/context.js';
import { registerErrorHandler, registerNotFound } from './platform/http-errors.js';
import { registerSessionHook } from './platform/session-hook.js';
import { docsNeedLogin, registerNoStore } from './platform/private-responses.js';
import { registerRequestGuards } from './platform/request-guards.js';
import { registerWeb } from './platform/web-static.js';
import { authRoutes } from './features/users/auth-routes.js';
import { userRoutes } from './features/users/user-routes.js';
import { divisionRoutes } from './features/divisions/division-routes.js';
import { siteRoutes } from './features/sites/site-routes.js';
import { householdRoutes } from './features/households/household-routes.js';
import { personRoutes } from './features/persons/person-routes.js';
import { employerRoutes } from './features/employers/employer-routes.js';
import { auditRoutes } from './features/audit/audit-routes.js';
import { importRoutes } from './features/imports/import-routes.js';
import { healthRoutes } from './features/health/health-routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard-routes.js';
import { settingRoutes } from './features/settings/setting-routes.js';
import { employmentRoutes } from './features/employment/employment-routes.js';
import { trainingRoutes } from './features/training/training-routes.js';
import { welfarePostRoutes } from './features/welfare-posts/welfare-post-routes.js';
import { workshopRoutes } from './features/workshops/workshop-routes.js';
import { jobOpeningRoutes } from './features/job-openings/job-opening-routes.js';
import { packRoutes } from './features/policy/pack-routes.js';
import { entitlementRoutes } from './features/policy/entitlement-routes.js';
import { evaluationRoutes } from './features/policy/evaluation-routes.js';
import { monitoringRunRoutes } from './features/monitoring/monitoring-run-routes.js';
import { monitoringSettingsRoutes } from './features/monitoring/monitoring-settings-routes.js';
import { calendarRoutes } from './features/calendar/calendar-routes.js';
import { departmentDataRoutes } from './features/department-data/department-record-routes.js';
import { monitoringCaseRoutes } from './features/monitoring-cases/case-routes.js';
import { assistanceRoutes } from './features/assistance/assistance-routes.js';
import { conversionRoutes } from './features/safety-net/conversion-routes.js';
import { monitoringFiguresRoutes } from './features/monitoring-figures/monitoring-figures-routes.js';

export interface AppOptions {
  logger?: boolean;
  /** Directory of the built web app to serve beside the API, if any. */
  webDir?: string;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  // X-Forwarded-For only from configured proxies: otherwise any client picks its own address.
  // A hop count becomes Fastify's own function for numbers, which its types do not declare.
  const trust = ctx.config.trustProxy;
  const trustProxy = typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
  const app = Fastify({ logger: options.logger ?? false, trustProxy, bodyLimit: 10 * 1024 * 1024 });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      // No upgrade-insecure-requests: the embedded demo runs on plain http inside an office LAN.
      useDefaults: false,
      directives: {
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"], defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: '安居 Anju API', description: '易地扶贫搬迁后续扶持管理平台接口', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: docsNeedLogin(app) } });
  registerNoStore(app);
  registerSessionHook(app);
  registerRequestGuards(app);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(divisionRoutes);
      await api.register(siteRoutes);
      await api.register(householdRoutes);
      await api.register(personRoutes);
      await api.register(employerRoutes);
      await api.register(auditRoutes);
      await api.register(importRoutes);
      await api.register(dashboardRoutes);
      await api.register(settingRoutes);
      await api.register(employmentRoutes);
      await api.register(trainingRoutes);
      await api.register(welfarePostRoutes);
      await api.register(workshopRoutes);
      await api.register(jobOpeningRoutes);
      await api.register(packRoutes);
      await api.register(evaluationRoutes);
      await api.register(entitlementRoutes);
      await api.register(monitoringRunRoutes);
      await api.register(monitoringSettingsRoutes);
      await api.register(calendarRoutes);
      await api.register(departmentDataRoutes);
      await api.register(monitoringCaseRoutes);
      await api.register(assistanceRoutes);
      await api.register(conversionRoutes);
      await api.register(monitoringFiguresRoutes);
    },
    { prefix: '/api/v1' },
  );
  if (options.webDir) await registerWeb(app, options.webDir);
  registerNotFound(app, options.webDir !== undefined);
  return app;
}
