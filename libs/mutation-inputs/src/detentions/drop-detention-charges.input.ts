import { InputType } from '@nestjs/graphql';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'The charges are dropped.' })
export class DropDetentionChargesInput extends RecordStepInput {}
