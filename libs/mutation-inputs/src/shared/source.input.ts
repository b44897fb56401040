import { Field, ID, InputType } from '@nestjs/graphql';
import type { Source } from '@tracker/domain';
import { IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { DAY_PATTERN, INPUT_LIMITS } from './input-limits.js';
import { IsPlainText } from './plain-text.validator.js';

@InputType({ description: 'Where a fact comes from. No source, no record.' })
export class SourceInput {
  @Field({ description: 'An absolute http(s) URL.' })
  @MaxLength(INPUT_LIMITS.url)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: '$property must be an http(s) URL' },
  )
  url: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INPUT_LIMITS.label)
  @IsPlainText()
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(INPUT_LIMITS.label)
  @IsPlainText()
  publisher?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The publisher as an ACTOR record (on a record's own sources; a lifecycle step's take none).",
  })
  @IsOptional()
  @IsUUID('all')
  publisherId?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @Matches(DAY_PATTERN, { message: '$property must be a day written YYYY-MM-DD' })
  publishedOn?: string;

  @Field({ nullable: true, description: 'The passage that supports the fact, verbatim.' })
  @IsOptional()
  @IsString()
  @MaxLength(INPUT_LIMITS.text)
  @IsPlainText()
  quote?: string;

  toDomain(): Source {
    return {
      url: this.url,
      ...(this.title == null ? {} : { title: this.title }),
      ...(this.publisher == null ? {} : { publisher: this.publisher }),
      ...(this.publishedOn == null ? {} : { publishedOn: this.publishedOn }),
      ...(this.quote == null ? {} : { quote: this.quote }),
    };
  }
}
