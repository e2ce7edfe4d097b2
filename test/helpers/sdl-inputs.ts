import {
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  type GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isInputObjectType,
  isLeafType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/server.js';

/** A string-typed place in an operation's arguments: its path, and a document that sets it. */
export type StringInput = {
  field: string;
  path: (string | number)[];
  document: string;
  variables: (bad: string) => Record<string, unknown>;
};

const SAMPLE_SCALARS: Record<string, unknown> = {
  String: 'x',
  ID: 'usr_00000000000000000000000000',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2026-01-01T00:00:00Z',
  SafeInt: 1,
};

/** A plausible value of a type: required input fields filled, optional ones left out. */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType as GraphQLInputType);
  if (type instanceof GraphQLList) return [sample(type.ofType as GraphQLInputType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLScalarType) return SAMPLE_SCALARS[type.name] ?? 'x';
  const input = type as GraphQLInputObjectType;
  return Object.fromEntries(
    Object.values(input.getFields()).flatMap((f) =>
      f.type instanceof GraphQLNonNull && f.defaultValue === undefined ? [[f.name, sample(f.type)]] : [],
    ),
  );
}

/** Every path under a type where a string goes (String and ID leaves, through input objects and lists). */
function stringPaths(type: GraphQLInputType, path: (string | number)[], depth = 0): (string | number)[][] {
  const named = getNamedType(type);
  if (depth > 4) return [];
  if (named instanceof GraphQLScalarType) return named.name === 'String' || named.name === 'ID' ? [path] : [];
  if (!isInputObjectType(named)) return [];
  const inList = type instanceof GraphQLList || (type instanceof GraphQLNonNull && type.ofType instanceof GraphQLList);
  const base = inList ? [...path, 0] : path;
  return Object.values(named.getFields()).flatMap((f) => stringPaths(f.type, [...base, f.name], depth + 1));
}

function setAt(
  root: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
  types: GraphQLInputType[],
): void {
  let cur: any = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    cur[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    if (typeof path[i + 1] === 'number' && cur[key].length === 0) cur[key].push(sample(types[i + 1]!));
    cur = cur[key];
  }
  const last = path.at(-1)!;
  // A list of strings takes the bad one as its element.
  cur[last] = Array.isArray(cur[last]) ? [value] : value;
}

const typeString = (t: GraphQLInputType): string => t.toString();

/**
 * Every string argument of every root field of the schema, generated from the SDL: a new field or
 * input is covered the moment it is added. `only` limits it to Query and Mutation fields.
 */
export function stringInputs(schema: GraphQLSchema = buildSchema(loadTypeDefs())): StringInput[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {}).flatMap((field: GraphQLField<unknown, unknown>) => {
      if (!field.args.length) return [];
      const decl = field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
      const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const document = `${kind} Probe(${decl}) { ${field.name}(${call})${selection} }`;
      const base = () =>
        Object.fromEntries(
          field.args.flatMap((a) => (a.type instanceof GraphQLNonNull ? [[a.name, sample(a.type)]] : [])),
        );
      return field.args.flatMap((arg) =>
        stringPaths(arg.type, [arg.name]).map((path) => ({
          field: field.name,
          path,
          document,
          variables: (bad: string) => {
            const vars = base() as Record<string, unknown>;
            setAt(vars, path, bad, typesAlong(arg.type, path.slice(1)));
            return vars;
          },
        })),
      );
    }),
  );
}

/** The input types met along a path (for filling list elements on the way). */
function typesAlong(type: GraphQLInputType, path: (string | number)[]): GraphQLInputType[] {
  const out: GraphQLInputType[] = [type];
  let cur: GraphQLInputType = type;
  for (const step of path) {
    const unwrapped: GraphQLInputType = cur instanceof GraphQLNonNull ? (cur.ofType as GraphQLInputType) : cur;
    if (typeof step === 'number') cur = (unwrapped as GraphQLList<GraphQLInputType>).ofType;
    else cur = (getNamedType(unwrapped) as GraphQLInputObjectType).getFields()[step]!.type;
    out.push(cur);
  }
  return out;
}
