import { InputType } from '@nestjs/graphql';
import { UnlinkEvidenceBaseInput } from '../shared/unlink-evidence-base.input.js';

@InputType({ description: 'Removes an evidence link from a commitment, saying why.' })
export class UnlinkEvidenceInput extends UnlinkEvidenceBaseInput {}
