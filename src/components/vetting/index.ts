import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import type { Component } from '../../shared/http/index.js';

/** Vetting of volunteers: børneattest, interview, references, training, and the yearly declaration. */
export function vettingComponent(_config: AppConfig): Component {
  return {
    name: 'vetting',
    router: Router(),
    models: [],
  };
}
