import { useQuery } from '@tanstack/react-query';
import type { EnrolmentCompletion, TrainingCourseInput } from '@anju/core';
import { api, type Query } from '../../api/client';
import type { CourseOutput, EnrolmentOutput, Page, TrainingFiguresOutput } from '../../api/types';

export function useCourses(query: Query) {
  return useQuery({
    queryKey: ['training', 'list', query],
    queryFn: () => api.get<Page<CourseOutput>>('/training/courses', query),
    placeholderData: (previous) => previous,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({ queryKey: ['training', 'one', id], queryFn: () => api.get<CourseOutput>(`/training/courses/${id}`), enabled: !!id });
}

export function useCourseEnrolments(id: string, query: Query) {
  return useQuery({
    queryKey: ['training', 'enrolments', id, query],
    queryFn: () => api.get<Page<EnrolmentOutput>>(`/training/courses/${id}/enrolments`, query),
    placeholderData: (previous) => previous,
  });
}

export function useTrainingFigures(divisionCode: string) {
  return useQuery({ queryKey: ['training', 'figures', divisionCode], queryFn: () => api.get<TrainingFiguresOutput>('/training/figures', { divisionCode }) });
}

export function saveCourse(id: string | undefined, input: TrainingCourseInput, version: number | null) {
  return id ? api.put<CourseOutput>(`/training/courses/${id}`, { ...input, version }) : api.post<CourseOutput>('/training/courses', input);
}

export function enrol(courseId: string, personId: string) {
  return api.post<EnrolmentOutput>(`/training/courses/${courseId}/enrolments`, { personId });
}

export function completeEnrolment(id: string, input: EnrolmentCompletion) {
  return api.post<EnrolmentOutput>(`/training/enrolments/${id}/complete`, input);
}

export function dropEnrolment(id: string, version: number) {
  return api.post<EnrolmentOutput>(`/training/enrolments/${id}/drop`, { version });
}

export function deleteEnrolment(id: string, version: number) {
  return api.delete<void>(`/training/enrolments/${id}`, { version });
}
