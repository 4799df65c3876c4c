import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enrolmentCompletion, enrolmentDrop, enrolmentInput, recordId, trainingCourseInput, trainingCourseUpdate } from '@anju/core';
import { pageOf } from '../../platform/paging.js';
import * as courses from './course-service.js';
import * as enrolments from './enrolment-service.js';
import { courseListQuery, courseOutput, enrolmentListQuery, enrolmentOutput, figuresQuery, trainingFiguresOutput } from './training-schemas.js';

const idParams = z.object({ id: recordId('编号') });
const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const tags = ['技能培训'];
  app.get('/training/courses', { schema: { tags, summary: '培训课程', querystring: courseListQuery, response: { 200: pageOf(courseOutput) } } }, (req) =>
    courses.listCourses(ctx, req.actor, req.query),
  );
  app.get('/training/courses/:id', { schema: { tags, summary: '一个培训课程', params: idParams, response: { 200: courseOutput } } }, (req) =>
    courses.getCourse(ctx, req.actor, req.params.id),
  );
  app.post('/training/courses', { schema: { tags, summary: '新增培训课程', body: trainingCourseInput, response: { 201: courseOutput } } }, async (req, reply) =>
    reply.code(201).send(await courses.createCourse(ctx, req.actor, req.body)),
  );
  app.put('/training/courses/:id', { schema: { tags, summary: '修改培训课程', params: idParams, body: trainingCourseUpdate, response: { 200: courseOutput } } }, (req) => {
    const { version, ...input } = req.body;
    return courses.updateCourse(ctx, req.actor, req.params.id, version, input);
  });
  app.delete('/training/courses/:id', { schema: { tags, summary: '删除培训课程（仅无报名记录时）', params: idParams, querystring: versionQuery } }, async (req, reply) => {
    await courses.deleteCourse(ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });

  app.get('/training/courses/:id/enrolments', { schema: { tags, summary: '课程学员', params: idParams, querystring: enrolmentListQuery, response: { 200: pageOf(enrolmentOutput) } } }, (req) =>
    enrolments.listCourseEnrolments(ctx, req.actor, req.params.id, req.query.status, req.query.page, req.query.pageSize),
  );
  app.post('/training/courses/:id/enrolments', { schema: { tags, summary: '报名（人员须在课程所属区划内）', params: idParams, body: enrolmentInput, response: { 201: enrolmentOutput } } }, async (req, reply) =>
    reply.code(201).send(await enrolments.enrol(ctx, req.actor, req.params.id, req.body.personId)),
  );
  app.post('/training/enrolments/:id/complete', { schema: { tags, summary: '结业（可填证书编号）', params: idParams, body: enrolmentCompletion, response: { 200: enrolmentOutput } } }, (req) =>
    enrolments.completeEnrolment(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/training/enrolments/:id/drop', { schema: { tags, summary: '退训', params: idParams, body: enrolmentDrop, response: { 200: enrolmentOutput } } }, (req) =>
    enrolments.dropEnrolment(ctx, req.actor, req.params.id, req.body.version),
  );
  app.delete('/training/enrolments/:id', { schema: { tags, summary: '删除误报的报名记录', params: idParams, querystring: versionQuery } }, async (req, reply) => {
    await enrolments.deleteEnrolment(ctx, req.actor, req.params.id, req.query.version);
    return reply.code(204).send();
  });
  app.get('/persons/:id/trainings', { schema: { tags, summary: '某人参加的培训', params: idParams, response: { 200: z.array(enrolmentOutput) } } }, (req) =>
    enrolments.personTrainings(ctx, req.actor, req.params.id),
  );
  app.get('/training/figures', { schema: { tags, summary: '已培训、已持证人数（培训率、持证率的分子）', querystring: figuresQuery, response: { 200: trainingFiguresOutput } } }, (req) =>
    enrolments.figures(ctx, req.actor, req.query.divisionCode, req.query.on),
  );
};
