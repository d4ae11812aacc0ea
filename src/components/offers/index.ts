import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import type { Component } from '../../shared/http/index.js';
import { OfferModel } from './offer-model.js';

/** Concrete offers (capacity) of organisations, and the public marketplace where anyone can browse them. */
export function offersComponent(_config: AppConfig): Component {
  return {
    name: 'offers',
    router: Router(),
    models: [OfferModel] as never[],
  };
}
