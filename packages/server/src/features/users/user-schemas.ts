import { z } from 'zod';
import { roles, departments } from '@anju/core';

export const userCreateInput = z.object({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名为3至32位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '姓名不能为空').max(50),
  password: z.string().min(1, '密码不能为空'),
  role: z.enum(roles.values, { error: `角色须为：${roles.values.join('、')}` }),
  divisionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '所属行政区划代码格式不正确'),
  department: z.enum(departments.values, { error: `部门须为：${departments.values.join('、')}` }).nullable().default(null),
});
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(roles.values).optional(),
  divisionCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '所属行政区划代码格式不正确').optional(),
  department: z.enum(departments.values).nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const userOutput = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  divisionCode: z.string(),
  department: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type UserOutput = z.infer<typeof userOutput>;
