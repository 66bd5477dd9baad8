import type { CodeDeliveryRecord } from '../domain/records';
import { builder, type BuilderTypes } from './builder';

export const AttributeInput = builder.inputType('AttributeInput', {
  description: 'A user attribute to set: standard (`email`) or custom (`custom:department`).',
  fields: (t) => ({
    name: t.string({ required: true }),
    value: t.string({ required: true }),
  }),
});

export const CodeDelivery = builder.objectRef<CodeDeliveryRecord>('CodeDelivery').implement({
  description: 'Where Cognito sent a code; the destination is masked by Cognito (a***@e***).',
  fields: (t) => ({
    destination: t.string({ nullable: true, resolve: (d) => d.destination }),
    deliveryMedium: t.string({ nullable: true, description: 'SMS or EMAIL.', resolve: (d) => d.deliveryMedium }),
    attributeName: t.string({ nullable: true, resolve: (d) => d.attributeName }),
  }),
});

/** The payload field of every mutation whose answer is where Cognito sent a code. */
export function codeDeliveryField<Payload extends { codeDelivery?: CodeDeliveryRecord | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Payload>,
) {
  return t.field({ type: CodeDelivery, nullable: true, resolve: (payload) => payload.codeDelivery });
}
