import { InputType } from '@nestjs/graphql';
import { UnlinkEvidenceBaseInput } from '../shared/unlink-evidence-base.input.js';

@InputType({ description: 'Removes an evidence link from an allegation, saying why.' })
export class UnlinkAllegationEvidenceInput extends UnlinkEvidenceBaseInput {}
