/**
 * The Dockerfile rules this project holds its images to, on top of dockerfile-utils' own
 * validation: pinned base images, a multi-stage build, a non-root runtime user, a healthcheck,
 * and the OCI labels that tie an image to its source, commit and version.
 */
import { DockerfileParser, Label, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

const OCI_LABELS = ['org.opencontainers.image.source', 'org.opencontainers.image.revision', 'org.opencontainers.image.version'];

/** Every broken rule, one line each; empty when the Dockerfile is clean. */
export function lintDockerfile(content: string): string[] {
  const problems = validate(content).map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  const dockerfile = DockerfileParser.parse(content);
  const froms = dockerfile.getFROMs();
  const stages = new Set(froms.map((from) => from.getBuildStage()).filter(Boolean));
  for (const from of froms) {
    const image = from.getImageName() ?? '';
    if (stages.has(image)) continue;
    const tag = from.getImageTag();
    if (!from.getImageDigest() && (!tag || tag === 'latest' || !/\d/.test(tag))) {
      problems.push(`FROM ${image}${tag ? `:${tag}` : ''}: pin the base image to a version`);
    }
  }
  if (froms.length < 2) problems.push('use a multi-stage build: build in one stage, run from a clean one');
  const runtime = instructionsOfLastStage(dockerfile.getInstructions());
  const user = runtime.filter((instruction) => instruction.getKeyword() === 'USER').pop()?.getArgumentsContent();
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push('the runtime stage must switch to a non-root USER');
  if (!runtime.some((instruction) => instruction.getKeyword() === 'HEALTHCHECK')) problems.push('the runtime stage needs a HEALTHCHECK (or HEALTHCHECK NONE, saying why)');
  const labels = new Set(runtime.flatMap((instruction) => (instruction instanceof Label ? instruction.getProperties().map((property) => property.getName()) : [])));
  for (const label of OCI_LABELS.filter((name) => !labels.has(name))) problems.push(`the runtime stage needs the label ${label}`);
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'ADD') problems.push(`line ${instruction.getRange().start.line + 1}: use COPY, not ADD`);
  }
  return problems;
}

function instructionsOfLastStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((instruction) => instruction.getKeyword()).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}
