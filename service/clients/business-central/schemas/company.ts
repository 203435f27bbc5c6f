import { z } from 'zod';
import { text } from './common';

export const companySchema = z.object({
  id: z.string().min(1),
  name: text,
  displayName: text,
  businessProfileId: text,
});

export type Company = z.output<typeof companySchema>;
