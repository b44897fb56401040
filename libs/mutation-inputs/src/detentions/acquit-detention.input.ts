import { InputType } from '@nestjs/graphql';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'Acquitted: final.' })
export class AcquitDetentionInput extends RecordStepInput {}
